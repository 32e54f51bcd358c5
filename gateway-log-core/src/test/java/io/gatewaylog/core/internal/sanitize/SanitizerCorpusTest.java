package io.gatewaylog.core.internal.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the labelled corpus in {@code sanitize/corpus.tsv}: every marked secret must be gone and the
 * expected mask present; benign gateway lines must come back unchanged (at least 98% of their text kept).
 * The figures are printed.
 */
class SanitizerCorpusTest {
    private static final Pattern SECRET = Pattern.compile("\\{\\{(.*?)}}");
    private static final List<Case> CASES = new ArrayList<>();

    private record Case(int line, String label, String marked, String input, List<String> secrets) {}

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SanitizerCorpusTest.class.getResourceAsStream("/sanitize/corpus.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String label = line.substring(0, tab);
                String marked = line.substring(tab + 1);
                List<String> secrets = new ArrayList<>();
                Matcher m = SECRET.matcher(marked);
                while (m.find()) {
                    secrets.add(m.group(1));
                }
                CASES.add(new Case(no, label, marked, SECRET.matcher(marked).replaceAll("$1"), secrets));
            }
        }
    }

    @Test
    void noSecretSurvivesAndEachIsLabelled() {
        Sanitizer sanitizer = Sanitizer.defaults();
        List<String> leaks = new ArrayList<>();
        List<String> mislabelled = new ArrayList<>();
        Map<String, int[]> byLabel = new TreeMap<>();
        int contextKept = 0;
        for (Case c : CASES) {
            if (c.label().equals("-")) {
                continue;
            }
            assertThat(c.secrets()).as("line %d marks its secret", c.line()).isNotEmpty();
            String out = sanitizer.sanitizeText(c.input());
            int[] counts = byLabel.computeIfAbsent(c.label(), k -> new int[2]);
            counts[0]++;
            boolean leaked = false;
            for (String secret : c.secrets()) {
                if (out.contains(secret)) {
                    leaked = true;
                }
            }
            if (leaked) {
                leaks.add("line " + c.line() + ": " + c.input() + "\n    -> " + out);
            } else {
                counts[1]++;
            }
            if (!out.contains(c.label())) {
                mislabelled.add("line " + c.line() + " expected " + c.label() + ": " + c.input() + "\n    -> " + out);
            }
            // whether the text before the first and after the last secret survives (reported, not asserted)
            String before = c.marked().substring(0, c.marked().indexOf("{{"));
            String after = c.marked().substring(c.marked().lastIndexOf("}}") + 2);
            if (out.startsWith(before) && out.endsWith(after)) {
                contextKept++;
            }
        }
        int total = byLabel.values().stream().mapToInt(a -> a[0]).sum();
        int masked = byLabel.values().stream().mapToInt(a -> a[1]).sum();
        System.out.printf(
                "sanitize corpus: %d secret cases, %d masked (%.1f%%), %d with another label%n",
                total, masked, 100.0 * masked / total, mislabelled.size());
        byLabel.forEach((label, a) -> System.out.printf("  %-16s %4d cases, %4d masked%n", label, a[0], a[1]));
        System.out.printf(
                "  text around the secret unchanged in %d of %d cases (%.1f%%)%n",
                contextKept, total, 100.0 * contextKept / total);
        assertThat(leaks).as("secrets that survived").isEmpty();
        assertThat(mislabelled).as("cases masked under another label").isEmpty();
        assertThat(total).isGreaterThanOrEqualTo(300);
    }

    @Test
    void benignGatewayTextIsKept() {
        Sanitizer sanitizer = Sanitizer.defaults();
        List<String> changed = new ArrayList<>();
        long chars = 0;
        long kept = 0;
        int lines = 0;
        for (Case c : CASES) {
            if (!c.label().equals("-")) {
                continue;
            }
            lines++;
            String out = sanitizer.sanitizeText(c.input());
            chars += c.input().length();
            if (out == c.input()) {
                kept += c.input().length();
            } else {
                kept += Math.min(c.input().length(), commonPrefix(c.input(), out) + commonSuffix(c.input(), out));
                changed.add("line " + c.line() + ": " + c.input() + "\n    -> " + out);
            }
        }
        double keptPercent = 100.0 * kept / chars;
        System.out.printf(
                "sanitize corpus: %d benign lines, %d unchanged (%.1f%%), %.2f%% of benign characters kept%n",
                lines, lines - changed.size(), 100.0 * (lines - changed.size()) / lines, keptPercent);
        changed.forEach(l -> System.out.println("  changed " + l));
        assertThat(lines).isGreaterThanOrEqualTo(200);
        assertThat(keptPercent).isGreaterThanOrEqualTo(98.0);
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static int commonSuffix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return i;
    }
}
