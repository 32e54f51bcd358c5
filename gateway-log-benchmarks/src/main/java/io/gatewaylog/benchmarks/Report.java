package io.gatewaylog.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the results that {@code run-benchmarks.sh} collected into one markdown page: absolute figures
 * and ratios against the best peer (the best of Log4j 2 and Logback on that measure).
 */
public final class Report {
    private static final List<String> PEERS = List.of("log4j2-async-loggers", "log4j2-async-appender", "logback-async");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Report() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.version"))
                .append(", ")
                .append(System.getProperty("os.name"))
                .append(". One run of `run-benchmarks.sh`; ")
                .append(
                        "every contender writes the same record as one JSON line to a size-rolling, gzip-on-rollover file.\n\n");
        endToEnd(md, dir.resolve("e2e.txt"));
        callers(md, dir);
        sanitizer(md, dir.resolve("sanitizer.json"), dir.resolve("e2e.txt"));
        burst(md, dir.resolve("burst.txt"));
        System.out.print(md);
    }

    private static void endToEnd(StringBuilder md, Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        // RESULT contender threads records seconds found distinct duplicates loggedSeconds
        Map<String, Map<Integer, double[]>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || !f[0].equals("RESULT")) {
                continue;
            }
            long records = Long.parseLong(f[3]);
            double seconds = Double.parseDouble(f[4]);
            long distinct = Long.parseLong(f[6]);
            rows.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).put(Integer.parseInt(f[2]), new double[] {
                distinct / seconds, records - distinct, Long.parseLong(f[7])
            });
        }
        md.append("## End-to-end sustained throughput (records on disk per second)\n\n");
        md.append(
                        "N records logged as fast as possible, the framework shut down, every line read back (archives too); ")
                .append(
                        "the rate counts only distinct records found on disk, over the time from the first call to the end of shutdown.\n\n");
        md.append(
                "| contender | 1 thread | lost | vs best peer | 2 threads | lost | vs best peer |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<Integer, double[]>> e : rows.entrySet()) {
            md.append("| ").append(e.getKey());
            for (int t : new int[] {1, 2}) {
                double[] v = e.getValue().get(t);
                double best = best(rows, t, 0, true);
                if (v == null) {
                    md.append(" | – | – | –");
                } else {
                    md.append(String.format(Locale.ROOT, " | %,.0f | %,.0f | %.2fx", v[0], v[1], v[0] / best));
                }
            }
            md.append(" |\n");
        }
        md.append('\n');
    }

    private static double best(Map<String, Map<Integer, double[]>> rows, int threads, int index, boolean higher) {
        double best = higher ? 0 : Double.MAX_VALUE;
        for (String peer : PEERS) {
            double[] v = rows.getOrDefault(peer, Map.of()).get(threads);
            if (v != null) {
                best = higher ? Math.max(best, v[index]) : Math.min(best, v[index]);
            }
        }
        return best;
    }

    private static void callers(StringBuilder md, Path dir) throws IOException {
        Map<String, Double> t1 = scores(dir.resolve("thrpt-t1.json"), "");
        Map<String, Double> t2 = scores(dir.resolve("thrpt-t2.json"), "");
        Map<String, Double> alloc1 = scores(dir.resolve("thrpt-t1.json"), "gc.alloc.rate.norm");
        Map<String, double[]> pct = percentiles(dir.resolve("sample-t1.json"));
        if (t1.isEmpty()) {
            return;
        }
        md.append("## Caller side (JMH)\n\n");
        md.append("Throughput of the logging call (ops/s, higher is better), latency of one call in sample mode ")
                .append(
                        "(ns, lower is better) and bytes allocated per call, all threads counted (`-prof gc`, gc.alloc.rate.norm).\n\n");
        md.append(
                "| contender | ops/s 1 thread | vs best peer | ops/s 2 threads | vs best peer | p50 ns | p99 ns | p99.9 ns | vs best peer p99.9 | bytes/call |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double best1 =
                PEERS.stream().mapToDouble(p -> t1.getOrDefault(p, 0.0)).max().orElse(1);
        double best2 =
                PEERS.stream().mapToDouble(p -> t2.getOrDefault(p, 0.0)).max().orElse(1);
        double bestP999 = PEERS.stream()
                .filter(pct::containsKey)
                .mapToDouble(p -> pct.get(p)[2])
                .min()
                .orElse(1);
        for (String c : t1.keySet()) {
            double[] p = pct.getOrDefault(c, new double[] {Double.NaN, Double.NaN, Double.NaN});
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f | %.2fx | %,.0f | %.2fx | %,.0f | %,.0f | %,.0f | %.2fx | %,.0f |\n",
                    c,
                    t1.get(c),
                    t1.get(c) / best1,
                    t2.getOrDefault(c, Double.NaN),
                    t2.getOrDefault(c, Double.NaN) / best2,
                    p[0],
                    p[1],
                    p[2],
                    p[2] / bestP999,
                    alloc1.getOrDefault(c, Double.NaN)));
        }
        md.append('\n');
    }

    private static Map<String, Double> scores(Path file, String secondary) throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return m;
        }
        for (JsonNode run : JSON.readTree(file.toFile())) {
            String contender = run.at("/params/contender").asText();
            JsonNode metric = secondary.isEmpty() ? run.get("primaryMetric") : run.at("/secondaryMetrics/" + secondary);
            if (!metric.isMissingNode() && metric.has("score")) {
                m.put(contender, metric.get("score").asDouble());
            }
        }
        return m;
    }

    private static Map<String, double[]> percentiles(Path file) throws IOException {
        Map<String, double[]> m = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return m;
        }
        for (JsonNode run : JSON.readTree(file.toFile())) {
            JsonNode p = run.at("/primaryMetric/scorePercentiles");
            double scale = "s/op".equals(run.at("/primaryMetric/scoreUnit").asText()) ? 1e9 : 1;
            if ("us/op".equals(run.at("/primaryMetric/scoreUnit").asText())) {
                scale = 1e3;
            } else if ("ms/op".equals(run.at("/primaryMetric/scoreUnit").asText())) {
                scale = 1e6;
            }
            m.put(run.at("/params/contender").asText(), new double[] {
                p.get("50.0").asDouble() * scale,
                p.get("99.0").asDouble() * scale,
                p.get("99.9").asDouble() * scale
            });
        }
        return m;
    }

    private static void sanitizer(StringBuilder md, Path file, Path e2e) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        md.append("## Sanitization\n\n| benchmark | ns per record | bytes allocated per record |\n|---|---:|---:|\n");
        for (JsonNode run : JSON.readTree(file.toFile())) {
            String name = run.get("benchmark").asText();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f | %,.0f |%n",
                    name.substring(name.lastIndexOf('.') + 1),
                    run.at("/primaryMetric/score").asDouble(),
                    run.at("/secondaryMetrics/gc.alloc.rate.norm/score").asDouble()));
        }
        if (Files.exists(e2e)) {
            Map<String, Double> rate = new LinkedHashMap<>();
            for (String line : Files.readAllLines(e2e)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 8 && f[0].equals("RESULT")) {
                    rate.put(f[1] + "/" + f[2], Long.parseLong(f[6]) / Double.parseDouble(f[4]));
                }
            }
            for (String t : new String[] {"1", "2"}) {
                Double on = rate.get("gatewaylog/" + t);
                Double off = rate.get("gatewaylog-nosanitize/" + t);
                if (on != null && off != null) {
                    md.append(String.format(
                            Locale.ROOT,
                            "%nEnd-to-end throughput with sanitization on vs off, %s thread(s): %.2f%n",
                            t,
                            on / off));
                }
            }
        }
        md.append('\n');
    }

    private static void burst(StringBuilder md, Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 8 && f[0].equals("RESULT")) {
                long records = Long.parseLong(f[3]);
                long distinct = Long.parseLong(f[6]);
                md.append("## Unbounded burst, default settings, `-Xmx256m`\n\n");
                md.append(String.format(
                        Locale.ROOT,
                        "%,d records from %s threads as fast as possible: %,d found on disk (%,d lost, %s duplicates) in %.1f s; "
                                + "the heap limit of 256 MB held (no OutOfMemoryError).%n%n",
                        records,
                        f[2],
                        distinct,
                        records - distinct,
                        f[7],
                        Double.parseDouble(f[4])));
            }
        }
    }
}
