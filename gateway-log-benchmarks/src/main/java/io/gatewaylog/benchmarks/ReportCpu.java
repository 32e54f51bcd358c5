package io.gatewaylog.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** CPU per record by kind of thread ({@link CpuBreakdown}): what the end-to-end rates are made of. */
final class ReportCpu {
    private ReportCpu() {}

    static void table(StringBuilder md, Path file) throws IOException {
        // CPU contender threads kind ns
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        for (String[] f : Report.results(file, 5, "CPU")) {
            rows.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).put(f[3], Double.parseDouble(f[4]));
        }
        if (rows.isEmpty()) {
            return;
        }
        double ceiling = rows.getOrDefault("handwritten", Map.of()).getOrDefault("process", Double.NaN);
        md.append("## Where the CPU goes (ns of CPU per record, 1 logging thread)\n\n");
        md.append("Each thread's CPU time (user + system, the JVM's per-thread counters) over the records logged, ")
                .append("N records as in the end-to-end run. A count of work rather than a time, so it holds on a ")
                .append("noisy machine. On 2 cores the threads of one contender share two cores: a rate can never ")
                .append("pass 2 cores / the whole process, nor 1 core / its busiest thread.\n\n");
        md.append("| contender | logging thread | the framework's threads | whole process | process vs handwritten |\n")
                .append("|---|---:|---|---:|---:|\n");
        for (Map.Entry<String, Map<String, Double>> e : rows.entrySet()) {
            StringBuilder others = new StringBuilder();
            for (Map.Entry<String, Double> t : e.getValue().entrySet()) {
                if (!t.getKey().equals("callers") && !t.getKey().equals("process")) {
                    others.append(others.length() == 0 ? "" : ", ")
                            .append(String.format(Locale.ROOT, "%s %,.0f", t.getKey(), t.getValue()));
                }
            }
            double total = e.getValue().getOrDefault("process", Double.NaN);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f | %s | %,.0f | %s |\n",
                    e.getKey(),
                    e.getValue().getOrDefault("callers", Double.NaN),
                    others.length() == 0 ? "–" : others,
                    total,
                    ceiling > 0 ? String.format(Locale.ROOT, "%.2fx", total / ceiling) : "–"));
        }
        md.append("\nThreads that ended before the count (a compression task run on its own thread) show only in ")
                .append("the whole process, which also holds the JIT compiler and the GC.\n");
        md.append('\n');
    }
}
