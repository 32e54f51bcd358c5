package io.gatewaylog.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The saturated latency table: JMH sample mode, 1 and 2 threads logging back to back. */
final class ReportSaturated {
    /** JMH's percentile keys: p50, p99, p99.9, max. */
    private static final String[] KEYS = {"50.0", "99.0", "99.9", "100.0"};

    private ReportSaturated() {}

    static void table(StringBuilder md, Path dir) throws IOException {
        Map<String, double[]> t1 = percentiles(dir.resolve("sample-t1.json"));
        Map<String, double[]> t2 = percentiles(dir.resolve("sample-t2.json"));
        if (t1.isEmpty() && t2.isEmpty()) {
            return;
        }
        md.append("## Caller latency when saturated (JMH sample mode)\n\n");
        md.append("Every thread logs back to back, so the buffer is full most of the time and the tail shows how ")
                .append("long a caller waits for room. Microseconds per call (lower is better); in brackets the ratio ")
                .append("to the best peer on that percentile (below 1 is better than every peer).\n\n");
        md.append("| contender | threads | p50 µs | p99 µs | p99.9 µs | max µs |\n|---|---:|---:|---:|---:|---:|\n");
        for (String c : union(t1, t2)) {
            row(md, c, 1, t1);
            row(md, c, 2, t2);
        }
        md.append('\n');
    }

    private static Set<String> union(Map<String, double[]> a, Map<String, double[]> b) {
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    private static void row(StringBuilder md, String contender, int threads, Map<String, double[]> all) {
        double[] v = all.get(contender);
        if (v == null) {
            return;
        }
        md.append("| ").append(contender).append(" | ").append(threads);
        for (int i = 0; i < KEYS.length; i++) {
            double best = Double.NaN;
            for (String peer : Report.PEERS) {
                double[] p = all.get(peer);
                if (p != null && (Double.isNaN(best) || p[i] < best)) {
                    best = p[i];
                }
            }
            md.append(" | ").append(Report.micros(v[i], best));
        }
        md.append(" |\n");
    }

    /** p50, p99, p99.9 and max in nanoseconds per contender. */
    static Map<String, double[]> percentiles(Path file) throws IOException {
        Map<String, double[]> m = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return m;
        }
        for (JsonNode run : Report.JSON.readTree(file.toFile())) {
            JsonNode p = run.at("/primaryMetric/scorePercentiles");
            double scale = Report.nanosPer(run.at("/primaryMetric/scoreUnit").asText());
            double[] v = new double[KEYS.length];
            for (int i = 0; i < KEYS.length; i++) {
                v[i] = p.get(KEYS[i]).asDouble() * scale;
            }
            m.put(run.at("/params/contender").asText(), v);
        }
        return m;
    }
}
