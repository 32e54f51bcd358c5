package io.gatewaylog.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The demo's command line: {@code --rate N --duration 30s --profile development --root ./logs --rotation-size 5MB}. */
record DemoOptions(int rate, Duration duration, String profile, String root, String rotationSize, int prometheusPort) {

    static final String USAGE = """
            usage: java -jar gateway-log-demo.jar [options]
              --rate N             records per second, all components together (default 5000)
              --duration D         how long to run, e.g. 30s, 2m (default 30s)
              --profile P          development or production (default development)
              --root DIR           log root directory (default ./logs)
              --rotation-size S    rotation size, e.g. 5MB, so rotations show up quickly (default 5MB)
              --prometheus-port N  port of the Prometheus scrape endpoint on localhost, when the metrics
                                   sink is on the class path; 0 = off (default 9464)
            """;

    static DemoOptions parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            m.put(a.substring(2), args[++i]);
        }
        int rate = positive(m.remove("rate"), 5000, "rate");
        Duration duration = duration(m.remove("duration"));
        String profile = m.getOrDefault("profile", "development");
        m.remove("profile");
        String root = m.getOrDefault("root", "./logs");
        m.remove("root");
        String rotation = m.getOrDefault("rotation-size", "5MB");
        m.remove("rotation-size");
        int port = m.containsKey("prometheus-port") ? Integer.parseInt(m.remove("prometheus-port")) : 9464;
        if (!m.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + m.keySet());
        }
        return new DemoOptions(rate, duration, profile, root, rotation, port);
    }

    private static int positive(String raw, int def, String name) {
        if (raw == null) {
            return def;
        }
        try {
            int v = Integer.parseInt(raw);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("--" + name + " must be a positive integer, not '" + raw + "'");
    }

    private static Duration duration(String raw) {
        if (raw == null) {
            return Duration.ofSeconds(30);
        }
        String v = raw.trim().toLowerCase();
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                return Duration.ofMillis((long) (Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            } else if (v.endsWith("m")) {
                return Duration.ofSeconds((long) (Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
            }
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--duration must look like 30s or 2m, not '" + raw + "'");
        }
    }
}
