package io.gatewaylog.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The end-to-end table: records on disk per second, lost records, against the best peer and the ceiling. */
final class ReportEndToEnd {
    private ReportEndToEnd() {}

    static void table(StringBuilder md, Path file) throws IOException {
        // RESULT contender threads records seconds found distinct duplicates loggedSeconds
        List<String[]> lines = Report.results(file, 8);
        if (lines.isEmpty()) {
            return;
        }
        Map<String, Map<Integer, double[]>> rows = new LinkedHashMap<>();
        for (String[] f : lines) {
            long records = Long.parseLong(f[3]);
            double seconds = Double.parseDouble(f[4]);
            long distinct = Long.parseLong(f[6]);
            rows.computeIfAbsent(f[1], k -> new LinkedHashMap<>())
                    .put(Integer.parseInt(f[2]), new double[] {distinct / seconds, records - distinct});
        }
        md.append("## End-to-end sustained throughput (records on disk per second)\n\n");
        md.append(
                        "N records logged as fast as possible, the framework shut down, every line read back (archives too); ")
                .append(
                        "the rate counts only distinct records found on disk, over the time from the first call to the ")
                .append("end of shutdown. \"vs handwritten\" is the rate over the hand-written ceiling's (the caller ")
                .append("formats the same line into a 64 KB buffered stream under one lock, rolls by rename, no gzip, ")
                .append("no sanitization).\n\n");
        md.append("| contender | 1 thread | lost | vs best peer | vs handwritten ")
                .append("| 2 threads | lost | vs best peer | vs handwritten |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<Integer, double[]>> e : rows.entrySet()) {
            md.append("| ").append(e.getKey());
            for (int t : new int[] {1, 2}) {
                double[] v = e.getValue().get(t);
                double best = bestPeer(rows, t);
                double[] ceiling = rows.getOrDefault("handwritten", Map.of()).get(t);
                if (v == null) {
                    md.append(" | – | – | – | –");
                } else {
                    md.append(String.format(Locale.ROOT, " | %,.0f | %,.0f | %.2fx", v[0], v[1], v[0] / best));
                    md.append(ceiling == null ? " | –" : String.format(Locale.ROOT, " | %.2f", v[0] / ceiling[0]));
                }
            }
            md.append(" |\n");
        }
        md.append('\n');
    }

    /** The highest rate among the peers with this many threads. */
    static double bestPeer(Map<String, Map<Integer, double[]>> rows, int threads) {
        double best = 0;
        for (String peer : Report.PEERS) {
            double[] v = rows.getOrDefault(peer, Map.of()).get(threads);
            if (v != null) {
                best = Math.max(best, v[0]);
            }
        }
        return best;
    }
}
