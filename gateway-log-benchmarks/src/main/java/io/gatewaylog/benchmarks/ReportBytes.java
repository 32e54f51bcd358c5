package io.gatewaylog.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The caller-side cost of gateway-log's two idioms, Fields.of and Map.of, with sanitization on and off. */
final class ReportBytes {
    private ReportBytes() {}

    static void table(StringBuilder md, Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        // idiom -> {ns on, bytes on, ns off, bytes off}
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (JsonNode run : Report.JSON.readTree(file.toFile())) {
            String name = run.get("benchmark").asText();
            String idiom = name.substring(name.lastIndexOf('.') + 1);
            int at = run.at("/params/sanitize").asBoolean() ? 0 : 2;
            double[] v =
                    rows.computeIfAbsent(idiom, k -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
            v[at] = run.at("/primaryMetric/score").asDouble()
                    * Report.nanosPer(run.at("/primaryMetric/scoreUnit").asText());
            v[at + 1] = run.at("/secondaryMetrics/gc.alloc.rate.norm/score").asDouble();
        }
        md.append("## Bytes per call: `Fields.of` and `Map.of`\n\n");
        md.append(
                        "gateway-log's caller side alone (`CallerSideBenchmark`, a sink that discards): the same four fields ")
                .append("through `Fields.of` and through a fresh `Map.of` per call (README's first example). ")
                .append(
                        "Bytes allocated per call, all threads counted (`-prof gc`, gc.alloc.rate.norm), and ns per call.\n\n");
        md.append("| idiom | bytes/call, sanitize on | ns/call, on | bytes/call, sanitize off | ns/call, off |\n")
                .append("|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            double[] v = e.getValue();
            md.append(String.format(
                    Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %,.0f |\n", e.getKey(), v[1], v[0], v[3], v[2]));
        }
        md.append('\n');
    }
}
