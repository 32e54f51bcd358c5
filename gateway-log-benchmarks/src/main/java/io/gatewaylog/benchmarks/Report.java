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
 * and ratios against the best peer (the best of Log4j 2 and Logback on that measure) and, end to end,
 * against the hand-written ceiling. One class per table ({@code Report*}); the shared reading here.
 */
public final class Report {
    static final List<String> PEERS = List.of("log4j2-async-loggers", "log4j2-async-appender", "logback-async");
    static final ObjectMapper JSON = new ObjectMapper();

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
                .append("every contender writes the same record as one JSON line to a size-rolling, gzip-on-rollover ")
                .append("file, except the hand-written ceiling (`handwritten`), which rolls by rename without gzip. ")
                .append("Logback looks at the file's size every 100 ms (`checkIncrement`; by default once a minute, ")
                .append("so that it never rolled within a run) and compresses on its appender's thread ")
                .append("(`FixedWindowRollingPolicy`); Log4j 2 and gateway-log compress on a thread of their own.\n\n");
        ReportEndToEnd.table(md, dir.resolve("e2e.txt"));
        ReportCallers.table(md, dir);
        ReportSaturated.table(md, dir);
        ReportPaced.table(md, dir.resolve("paced.txt"));
        ReportBytes.table(md, dir.resolve("caller-gc.json"));
        ReportCpu.table(md, dir.resolve("cpu.txt"));
        sanitizer(md, dir.resolve("sanitizer.json"), dir.resolve("e2e.txt"));
        burst(md, dir.resolve("burst.txt"));
        System.out.print(md);
    }

    /** The whitespace-separated fields of each {@code RESULT} line with at least {@code min} fields. */
    static List<String[]> results(Path file, int min) throws IOException {
        return results(file, min, "RESULT");
    }

    /** The whitespace-separated fields of each line tagged {@code tag} with at least {@code min} fields. */
    static List<String[]> results(Path file, int min, String tag) throws IOException {
        List<String[]> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= min && f[0].equals(tag)) {
                rows.add(f);
            }
        }
        return rows;
    }

    /** JMH's score (or one secondary metric's) per value of the {@code contender} parameter. */
    static Map<String, Double> scores(Path file, String secondary) throws IOException {
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

    /** Nanoseconds per unit of JMH's score unit. */
    static double nanosPer(String unit) {
        return switch (unit) {
            case "s/op" -> 1e9;
            case "ms/op" -> 1e6;
            case "us/op" -> 1e3;
            default -> 1;
        };
    }

    /** A latency in microseconds, with a ratio when there is a reference to compare with. */
    static String micros(double nanos, double reference) {
        if (Double.isNaN(nanos)) {
            return "–";
        }
        String v = String.format(Locale.ROOT, "%,.1f", nanos / 1e3);
        return Double.isNaN(reference) || reference <= 0
                ? v
                : v + String.format(Locale.ROOT, " (%.2fx)", nanos / reference);
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
        Map<String, Double> rate = new LinkedHashMap<>();
        for (String[] f : results(e2e, 8)) {
            rate.put(f[1] + "/" + f[2], Long.parseLong(f[6]) / Double.parseDouble(f[4]));
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
        md.append('\n');
    }

    private static void burst(StringBuilder md, Path file) throws IOException {
        for (String[] f : results(file, 8)) {
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
