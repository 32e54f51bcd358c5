package io.gatewaylog.core.sanitize.corpus2;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The second, independent sanitization corpus (issue 12): cases built from public formats, not from the rules.
 * Every case goes through a real backend with default settings, the public logger API and the real JSON encoder.
 * Secret cases: none of their secret substrings may appear in the encoded line. Benign cases: the value comes
 * back unchanged. Prints recall (secrets masked / total) and keep (benign kept / total) per category and every
 * failure by id; writes the same report to {@code target/corpus2-<part>.txt}.
 *
 * <p>The text formats ({@link #textFormats()}, data in {@code sanitize/corpus2/corpus2.jsonl}) and the value
 * types ({@link ValueTypes}, built by {@link ValueTypeCases}) are reported and asserted separately.
 */
@Tag("corpus2")
class SecondCorpusTest {

    static final double MIN_KEEP = 0.98;

    @Test
    void textFormats() {
        List<Corpus2Case> cases = Corpus2Loader.load();
        check("text", cases);
    }

    @Nested
    @Tag("corpus2-value-types")
    class ValueTypes {
        @Test
        void valueTypes() {
            check("value-types", ValueTypeCases.all());
        }
    }

    static void check(String part, List<Corpus2Case> cases) {
        List<Corpus2Harness.Outcome> outcomes = new ArrayList<>();
        try (Corpus2Harness h = new Corpus2Harness()) {
            for (Corpus2Case c : cases) {
                outcomes.add(h.run(c));
            }
        }
        Report r = new Report(part, outcomes);
        String text = r.render();
        System.out.println(text);
        try {
            Path dir = Path.of("target");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("corpus2-" + part + ".txt"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("could not write the corpus2 report: " + e);
        }
        if (r.secretFailures > 0 || r.keep() < MIN_KEEP) {
            fail("corpus2 " + part + ": " + r.summary() + "\nfailing ids:\n" + r.failingIds());
        }
    }

    static final class Report {
        final String part;
        final List<Corpus2Harness.Outcome> outcomes;
        final Map<String, int[]> perCategory = new TreeMap<>(); // {passed, total}
        int secrets;
        int secretFailures;
        int benign;
        int benignKept;

        Report(String part, List<Corpus2Harness.Outcome> outcomes) {
            this.part = part;
            this.outcomes = outcomes;
            for (Corpus2Harness.Outcome o : outcomes) {
                int[] pc = perCategory.computeIfAbsent(
                        (o.c().secret() ? "secret " : "benign ") + o.c().category(), k -> new int[2]);
                pc[1]++;
                if (o.ok()) {
                    pc[0]++;
                }
                if (o.c().secret()) {
                    secrets++;
                    if (!o.ok()) {
                        secretFailures++;
                    }
                } else {
                    benign++;
                    if (o.ok()) {
                        benignKept++;
                    }
                }
            }
        }

        double recall() {
            return secrets == 0 ? 1 : (secrets - secretFailures) / (double) secrets;
        }

        double keep() {
            return benign == 0 ? 1 : benignKept / (double) benign;
        }

        String summary() {
            return String.format(
                    "recall %d/%d = %.1f%% (%d leaks), keep %d/%d = %.1f%% (need 0 leaks, keep >= %.0f%%)",
                    secrets - secretFailures,
                    secrets,
                    100 * recall(),
                    secretFailures,
                    benignKept,
                    benign,
                    100 * keep(),
                    100 * MIN_KEEP);
        }

        String failingIds() {
            Map<String, List<String>> byCat = new TreeMap<>();
            for (Corpus2Harness.Outcome o : outcomes) {
                if (!o.ok()) {
                    byCat.computeIfAbsent(o.c().category(), k -> new ArrayList<>())
                            .add(o.c().id());
                }
            }
            return byCat.entrySet().stream()
                    .map(e -> "  " + e.getKey() + " (" + e.getValue().size() + "): " + String.join(" ", e.getValue()))
                    .collect(Collectors.joining("\n"));
        }

        String render() {
            StringBuilder b = new StringBuilder();
            b.append("=== corpus2 ").append(part).append(": ").append(summary()).append('\n');
            b.append(String.format("%-34s %7s %7s %7s%n", "category", "passed", "total", "rate"));
            perCategory.forEach(
                    (k, v) -> b.append(String.format("%-34s %7d %7d %6.1f%%%n", k, v[0], v[1], 100.0 * v[0] / v[1])));
            b.append("--- failures by category\n").append(failingIds()).append('\n');
            b.append("--- failure details\n");
            for (Corpus2Harness.Outcome o : outcomes) {
                if (!o.ok()) {
                    String line = o.line() == null ? "" : o.line();
                    if (line.length() > 700) {
                        line = line.substring(0, 700) + "…";
                    }
                    b.append(o.c().id())
                            .append(" [")
                            .append(o.c().position())
                            .append("] ")
                            .append(o.detail())
                            .append("\n    out: ")
                            .append(line)
                            .append('\n');
                }
            }
            return b.toString();
        }
    }
}
