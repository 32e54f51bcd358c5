package io.gatewaylog.core.internal.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.core.internal.sanitize.SecretGenerator.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random gateway-like text with random secrets inserted at random positions (fixed seeds, so a failure
 * is reproducible from the printed seed and iteration).
 */
class SanitizerPropertyTest {
    private static final int ITERATIONS = 3000;
    private final Sanitizer sanitizer = Sanitizer.defaults();

    @Test
    void insertedSecretsNeverSurviveAndTheRestIsKept() {
        Random r = new Random(20241127L);
        long benignTokens = 0;
        long benignKept = 0;
        int secrets = 0;
        List<String> leaks = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (int it = 0; it < ITERATIONS; it++) {
            List<String> tokens = new ArrayList<>();
            int n = 5 + r.nextInt(25);
            for (int k = 0; k < n; k++) {
                tokens.add(GatewayTextGenerator.token(r));
            }
            List<String> benign = List.copyOf(tokens);
            List<Secret> inserted = new ArrayList<>();
            int count = 1 + r.nextInt(3);
            for (int k = 0; k < count; k++) {
                Secret s = SecretGenerator.ALL
                        .get(r.nextInt(SecretGenerator.ALL.size()))
                        .apply(r);
                inserted.add(s);
                tokens.add(r.nextInt(tokens.size() + 1), s.text());
            }
            String text = String.join(" ", tokens);
            String out = sanitizer.sanitizeText(text);
            for (Secret s : inserted) {
                secrets++;
                if (out.contains(s.sensitive())) {
                    leaks.add("iteration " + it + " " + s.category() + ": " + text + "\n    -> " + out);
                }
            }
            List<String> outTokens = List.of(out.split(" "));
            for (String b : benign) {
                benignTokens++;
                if (outTokens.contains(b)) {
                    benignKept++;
                } else if (lost.size() < 20) {
                    lost.add(b + "  in  " + out);
                }
            }
        }
        double kept = 100.0 * benignKept / benignTokens;
        System.out.printf(
                "sanitize property: %d texts, %d secrets inserted, %d leaked; %d benign tokens, %.2f%% kept%n",
                ITERATIONS, secrets, leaks.size(), benignTokens, kept);
        lost.forEach(l -> System.out.println("  benign token lost: " + l));
        assertThat(leaks).isEmpty();
        assertThat(kept).isGreaterThanOrEqualTo(98.0);
    }

    @Test
    void cleanTextComesBackAsTheSameInstance() {
        Random r = new Random(7L);
        int changed = 0;
        List<String> examples = new ArrayList<>();
        for (int it = 0; it < ITERATIONS; it++) {
            StringBuilder sb = new StringBuilder();
            int n = 3 + r.nextInt(20);
            for (int k = 0; k < n; k++) {
                sb.append(k == 0 ? "" : " ").append(GatewayTextGenerator.token(r));
            }
            String text = sb.toString();
            if (sanitizer.sanitizeText(text) != text) {
                changed++;
                if (examples.size() < 5) {
                    examples.add(text + "\n    -> " + sanitizer.sanitizeText(text));
                }
            }
        }
        System.out.printf("sanitize property: %d clean texts, %d changed%n", ITERATIONS, changed);
        assertThat(examples).isEmpty();
    }

    @Test
    void sanitizingIsIdempotent() {
        Random r = new Random(99L);
        for (int it = 0; it < ITERATIONS; it++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                sb.append(' ')
                        .append(
                                r.nextBoolean()
                                        ? GatewayTextGenerator.token(r)
                                        : SecretGenerator.ALL
                                                .get(r.nextInt(SecretGenerator.ALL.size()))
                                                .apply(r)
                                                .text());
            }
            String once = sanitizer.sanitizeText(sb.toString());
            assertThat(sanitizer.sanitizeText(once))
                    .as("seed 99 iteration %d", it)
                    .isEqualTo(once);
        }
    }

    @Test
    void arbitraryCharactersNeverBreakTheScanner() {
        Random r = new Random(3L);
        String alphabet = "aA0@=:-+(/.\"' \n\\[]{}eyJAKIAghp_xoxb-sk_live_4111 -----BEGIN PRIVATE KEY";
        for (int it = 0; it < ITERATIONS; it++) {
            String text = SecretGenerator.chars(r, alphabet, r.nextInt(80));
            String out = sanitizer.sanitizeText(text);
            assertThat(out).isNotNull();
        }
    }
}
