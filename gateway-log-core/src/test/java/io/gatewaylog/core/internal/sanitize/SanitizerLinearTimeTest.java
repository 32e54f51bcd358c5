package io.gatewaylog.core.internal.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scanner's work is linear in the length of the text, whatever its shape: counted in steps (the
 * characters the scanner and its detectors read, see {@link ScanSteps}), never in time. Each
 * adversarial shape below is a near miss that wakes one detector over and over; doubling the text (8, 16
 * and 32 KB) may at most double the steps (plus a small constant), and no shape may cost more than
 * {@link #MAX_RATIO} times a clean gateway text of the same length.
 */
class SanitizerLinearTimeTest {
    private static final int LENGTH = 8 * 1024;
    private static final double MAX_RATIO = 10.0;
    /**
     * The small constant allowed on top of doubling, independent of the length: the last 4096
     * characters of a text (a detector's longest bounded read, an AWS session token) can be a match at
     * one size and part of a near miss at the next, which shifts the count by up to twice that read.
     */
    private static final long SLACK = 2 * 4096 + 1024;

    /** Near misses by detector: each repeated to the length of the text. */
    static final List<String[]> SHAPES = List.of(
            new String[] {"jwt", "eyJ"},
            new String[] {"jwt", "eyJhbGciOiJIUzI1NiJ9-"},
            new String[] {"jwt", "eyJhbGciOiJIUzI1NiJ9."},
            new String[] {"jwt", "eyJhbGciOiJ-eyJ-eyJhbGciOiJ.abc"},
            new String[] {"jwt", "eyAi-ewo-"},
            new String[] {"bearer", "Bearer "},
            new String[] {"bearer", "Bearer a/"},
            new String[] {"bearer", "Basic "},
            new String[] {"private-key", "-----BEGIN "},
            new String[] {"private-key", "-----BEGIN RSA KEY----- "},
            new String[] {"private-key", "---- BEGIN SSH2 "},
            new String[] {"private-key", "-"},
            new String[] {"key-value", "="},
            new String[] {"key-value", ":"},
            new String[] {"key-value", "a="},
            new String[] {"key-value", "passwordpasswordpassword_x="},
            new String[] {"key-value", "password=["},
            new String[] {"key-value", "password={"},
            new String[] {"key-value", "password=[{"},
            new String[] {"key-value", "user[password]["},
            new String[] {"key-value", "\\\\\\\""},
            new String[] {"key-value", "\t \t"},
            new String[] {"key-value", "%3D"},
            new String[] {"key-value", "%"},
            new String[] {"key-value", "%25"},
            new String[] {"key-value", "a%3Fb%3D"},
            new String[] {"cli", "--password --"},
            new String[] {"cli", "-p"},
            new String[] {"cli", "-u "},
            new String[] {"cli", "-u a"},
            new String[] {"xml", "<password "},
            new String[] {"xml", "<a>"},
            new String[] {"xml", ">"},
            new String[] {"digits", "1"},
            new String[] {"digits", "1 "},
            new String[] {"digits", "4111 "},
            new String[] {"digits", "4111  "},
            new String[] {"digits", "4111-1111_"},
            new String[] {"digits", "12345678 "},
            new String[] {"digits", "0"},
            new String[] {"digits", "0 0"},
            new String[] {"digits", "+1 "},
            new String[] {"digits", "+"},
            new String[] {"digits", "(415) "},
            new String[] {"digits", "123-45-"},
            new String[] {"digits", "1."},
            new String[] {"digits", "%2041"},
            new String[] {"email", "@"},
            new String[] {"email", "a@"},
            new String[] {"email", "a@b."},
            new String[] {"email", "a.b.c.d-"},
            new String[] {"email", "%40"},
            new String[] {"email", "xn--@"},
            new String[] {"url", "://"},
            new String[] {"url", "a://"},
            new String[] {"url", "a://b@c"},
            new String[] {"vendor", "ghp_"},
            new String[] {"vendor", "github_pat_"},
            new String[] {"vendor", "glpat-"},
            new String[] {"vendor", "xoxb-"},
            new String[] {"vendor", "sk-"},
            new String[] {"vendor", "sk-proj-"},
            new String[] {"vendor", "SG."},
            new String[] {"vendor", "AKIA"},
            new String[] {"vendor", "AIza-"},
            new String[] {"vendor", "ya29."},
            new String[] {"vendor", "hvs."},
            new String[] {"vendor", "pypi-AgEIcHlwaS5vcmc-"},
            new String[] {"vendor", "FwoGZXIvYXdz+"},
            new String[] {"vendor", "hooks.slack.com/services/"},
            new String[] {"vendor", "0123456789abcdef0123456789abcdef-us"},
            new String[] {"vendor", "1234567890:A"},
            new String[] {"vendor", "ab1Q~"},
            new String[] {"aws-secret", "abcdefghijKLMNOPQRST0123456789+/abcdefgh"},
            new String[] {"aws-secret", "+"},
            new String[] {"iban", "DE89 "},
            new String[] {"iban", "DE89-"},
            new String[] {"iban", "DE893704"},
            new String[] {"national-id", "DNI "},
            new String[] {"national-id", "NINO 12 "},
            new String[] {"mixed", "eyJ Bearer -----BEGIN = 4111 @ %3D ghp_ --password - <pass> DE89 "});

    @BeforeAll
    static void count() {
        ScanSteps.start();
    }

    @AfterAll
    static void stop() {
        ScanSteps.stop();
    }

    @Test
    void doublingTheInputAtMostDoublesTheSteps() {
        List<String> failures = new ArrayList<>();
        System.out.println(
                "sanitize steps: shape, steps at 8 KB, 16 KB, 32 KB, growth per doubling, steps per character");
        for (String[] shape : SHAPES) {
            long s1 = steps(repeat(shape[1], LENGTH));
            long s2 = steps(repeat(shape[1], 2 * LENGTH));
            long s4 = steps(repeat(shape[1], 4 * LENGTH));
            System.out.printf(
                    "  %-12s %-40s %8d %8d %8d  x%.2f x%.2f  %.2f/char%n",
                    shape[0],
                    quote(shape[1]),
                    s1,
                    s2,
                    s4,
                    (double) s2 / s1,
                    (double) s4 / s2,
                    (double) s4 / (4 * LENGTH));
            if (s2 > 2 * s1 + SLACK || s4 > 2 * s2 + SLACK) {
                failures.add(shape[0] + " " + quote(shape[1]) + ": " + s1 + " -> " + s2 + " -> " + s4);
            }
        }
        assertThat(failures).as("shapes whose steps grow faster than the input").isEmpty();
    }

    @Test
    void noShapeCostsTenTimesACleanText() {
        long clean = steps(cleanText(4 * LENGTH));
        List<String> failures = new ArrayList<>();
        for (String[] shape : SHAPES) {
            long adversarial = steps(repeat(shape[1], 4 * LENGTH));
            if (adversarial > MAX_RATIO * clean) {
                failures.add(shape[0] + " " + quote(shape[1]) + ": " + adversarial + " steps against " + clean);
            }
        }
        System.out.printf(
                "sanitize steps: a clean 32 KB gateway text costs %d steps (%.2f per character)%n",
                clean, (double) clean / (4 * LENGTH));
        assertThat(failures)
                .as("shapes costing more than %.0fx a clean text", MAX_RATIO)
                .isEmpty();
    }

    @Test
    void theCounterCountsEveryCharacterOfACleanText() {
        String text = cleanText(LENGTH);
        assertThat(steps(text)).isGreaterThanOrEqualTo(text.length());
    }

    private static long steps(String text) {
        ScanSteps.take();
        Sanitizer.defaults().sanitizeText(text);
        return ScanSteps.take();
    }

    static String repeat(String unit, int length) {
        StringBuilder sb = new StringBuilder(length + unit.length());
        while (sb.length() < length) {
            sb.append(unit);
        }
        sb.setLength(length);
        return sb.toString();
    }

    static String cleanText(int length) {
        return repeat(
                "2024-03-01T10:15:30.123Z INFO [api] request_id=550e8400-e29b-41d4-a716-446655440000 "
                        + "GET /api/v1/messages 200 in 12ms bytes=5120 upstream node-3.gw.example.net:8443 retry=[3] "
                        + "trace_id=4bf92f3577b34da6a3ce929d0e0e4736 version 2.14.3 customer_id=customer_123\n",
                length);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
