package io.gatewaylog.demo;

import io.gatewaylog.api.GatewayLoggers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A simulated message gateway: logs like a real one across all six components at a chosen rate for a
 * chosen time, prints a live progress line, then a summary per component and where the files are.
 */
public final class DemoGateway {
    private DemoGateway() {}

    public static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("error: " + e.getMessage());
            }
            System.err.print(DemoOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        run(options);
    }

    static void run(DemoOptions o) throws Exception {
        GatewayLoggers.configure(Map.of(
                "profile", o.profile(),
                "dir", o.root(),
                "rotation.size", o.rotationSize(),
                "asset.id", "demo_gateway_1",
                "console.enabled", "false"));
        System.out.printf(
                "gateway-log demo: %d records/s for %s, profile %s, logs in %s%n",
                o.rate(), o.duration(), o.profile(), o.root());
        GatewayLoggers.system("lifecycle").info("Gateway started", Map.of("rate", o.rate(), "profile", o.profile()));
        PrometheusEndpoint prometheus = prometheus(o.prometheusPort());
        TrafficSimulator traffic = new TrafficSimulator();
        ProgressReporter progress = new ProgressReporter(GatewayLoggers.statistics(), System.out);

        long start = System.nanoTime();
        long end = start + o.duration().toNanos();
        long nextReport = start + TimeUnit.SECONDS.toNanos(1);
        long sent = 0;
        while (true) {
            long now = System.nanoTime();
            if (now - end >= 0) {
                break;
            }
            long due = (now - start) * o.rate() / 1_000_000_000L;
            while (sent < due) {
                traffic.step();
                sent++;
            }
            if (now - nextReport >= 0) {
                progress.line();
                nextReport += TimeUnit.SECONDS.toNanos(1);
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
        GatewayLoggers.system("lifecycle").info("Gateway stopping", Map.of("records", sent));
        boolean drained = GatewayLoggers.shutdown(Duration.ofSeconds(30));
        progress.summary(o.root());
        if (prometheus != null) {
            prometheus.close();
        }
        System.out.println(drained ? "all buffers drained" : "WARNING: shutdown timed out before every buffer drained");
    }

    /** The scrape endpoint, or null when it is switched off (port 0) or its port is taken. */
    private static PrometheusEndpoint prometheus(int port) {
        if (port <= 0) {
            return null;
        }
        try {
            PrometheusEndpoint endpoint = PrometheusEndpoint.start(port);
            System.out.printf("Prometheus scrape endpoint: http://127.0.0.1:%d/metrics%n", endpoint.port());
            return endpoint;
        } catch (java.io.IOException e) {
            System.out.println("Prometheus endpoint not started (" + e.getMessage() + "); use --prometheus-port");
            return null;
        }
    }
}
