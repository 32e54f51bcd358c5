package io.gatewaylog.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The caller-side throughput table (JMH throughput mode, 1 and 2 threads) with bytes per call. */
final class ReportCallers {
    private ReportCallers() {}

    static void table(StringBuilder md, Path dir) throws IOException {
        Map<String, Double> t1 = Report.scores(dir.resolve("thrpt-t1.json"), "");
        Map<String, Double> t2 = Report.scores(dir.resolve("thrpt-t2.json"), "");
        Map<String, Double> alloc1 = Report.scores(dir.resolve("thrpt-t1.json"), "gc.alloc.rate.norm");
        if (t1.isEmpty()) {
            return;
        }
        md.append("## Caller side, throughput (JMH)\n\n");
        md.append("Throughput of the logging call (ops/s, higher is better) while the framework writes the file, ")
                .append(
                        "and bytes allocated per call, all threads counted (`-prof gc`, gc.alloc.rate.norm, 1 thread).\n\n");
        md.append("| contender | ops/s 1 thread | vs best peer | ops/s 2 threads | vs best peer | bytes/call |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        double best1 = best(t1);
        double best2 = best(t2);
        for (String c : t1.keySet()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f | %.2fx | %,.0f | %.2fx | %,.0f |\n",
                    c,
                    t1.get(c),
                    t1.get(c) / best1,
                    t2.getOrDefault(c, Double.NaN),
                    t2.getOrDefault(c, Double.NaN) / best2,
                    alloc1.getOrDefault(c, Double.NaN)));
        }
        md.append('\n');
    }

    private static double best(Map<String, Double> scores) {
        return Report.PEERS.stream()
                .mapToDouble(p -> scores.getOrDefault(p, 0.0))
                .max()
                .orElse(Double.NaN);
    }
}
