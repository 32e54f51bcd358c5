package io.gatewaylog.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The paced latency table: response time at 25, 50 and 75% of the capacity, 1, 2 and 4 threads. */
final class ReportPaced {
    // RESULT contender threads load targetRate achievedRate logged found lost r50 r90 r99 r99.9 r99.99 rmax
    // s50 s90 s99 s99.9 s99.99 smax
    private static final int FIELDS = 21;
    /** Where p99, p99.9, p99.99 and max of the response time are in a RESULT line. */
    private static final int[] RESPONSE = {11, 12, 13, 14};

    private static final int SERVICE_P9999 = 19;

    private ReportPaced() {}

    static void table(StringBuilder md, Path file) throws IOException {
        List<String[]> lines = Report.results(file, FIELDS);
        if (lines.isEmpty()) {
            return;
        }
        // "load threads" -> contender -> fields, in the order the script ran them
        Map<String, Map<String, String[]>> groups = new LinkedHashMap<>();
        for (String[] f : lines) {
            groups.computeIfAbsent(f[3] + " " + f[2], k -> new LinkedHashMap<>())
                    .put(f[1], f);
        }
        md.append("## Paced latency: response time at a fixed offered load\n\n");
        md.append("`PacedLatency`, in the style of Log4j 2's `ResponseTimeTest`: T threads each log on a fixed ")
                .append("schedule (together the offered rate), a warm-up that is discarded, then a measured window. ")
                .append("Response time = end of the call minus the time the call was due (a stall is charged to every ")
                .append("call it delays: coordinated omission corrected); service time = end minus actual start. ")
                .append("HdrHistogram per thread, merged. Every line is read back afterwards (lost). `handwritten` ")
                .append("is a reference, not a peer: a plain synchronous writer on the same schedule, it shows the ")
                .append("floor that the machine and the harness themselves put under these percentiles.\n\n");
        md.append(capacity(file)).append("\n\n");
        md.append("Microseconds (lower is better); the ratio row is gateway-log's value over the best peer's on that ")
                .append("percentile (below 1 is better than every peer).\n\n");
        md.append("| load | threads | contender | achieved/s | lost | p99 µs | p99.9 µs | p99.99 µs | max µs ")
                .append("| service p99.99 µs |\n|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, String[]> group : groups.values()) {
            for (String[] f : group.values()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s%% | %s | %s | %,.0f | %s",
                        f[3],
                        f[2],
                        f[1],
                        Double.parseDouble(f[5]),
                        f[8]));
                for (int i : RESPONSE) {
                    md.append(" | ").append(Report.micros(Double.parseDouble(f[i]), Double.NaN));
                }
                md.append(" | ")
                        .append(Report.micros(Double.parseDouble(f[SERVICE_P9999]), Double.NaN))
                        .append(" |\n");
            }
            ratioRow(md, group);
        }
        md.append('\n');
    }

    private static void ratioRow(StringBuilder md, Map<String, String[]> group) {
        String[] ours = group.get("gatewaylog");
        List<String[]> peers = new ArrayList<>();
        for (String peer : Report.PEERS) {
            if (group.containsKey(peer)) {
                peers.add(group.get(peer));
            }
        }
        if (ours == null || peers.isEmpty()) {
            return;
        }
        md.append("| | | **gatewaylog / best peer** | | |");
        for (int i : RESPONSE) {
            double best = Double.MAX_VALUE;
            for (String[] p : peers) {
                best = Math.min(best, Double.parseDouble(p[i]));
            }
            md.append(String.format(Locale.ROOT, " **%.2fx** |", Double.parseDouble(ours[i]) / best));
        }
        md.append(" |\n");
    }

    private static String capacity(Path file) throws IOException {
        String value = "?";
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("CAPACITY ")) {
                value = String.format(
                        Locale.ROOT, "%,d", Long.parseLong(line.substring(9).trim()));
            }
        }
        return "Capacity = the lowest end-to-end sustained throughput with 2 threads (distinct records on disk per "
                + "second, the table above) of gatewaylog, log4j2-async-loggers and logback-async in this run: "
                + value
                + " records/s. Load L% offers L% of that capacity, the same absolute rate to every contender, "
                + "split evenly across the threads.";
    }
}
