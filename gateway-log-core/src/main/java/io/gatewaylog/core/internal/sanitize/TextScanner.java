package io.gatewaylog.core.internal.sanitize;

import java.util.Set;

/**
 * The single left-to-right pass over a string that drives every built-in detector. Each character is
 * looked at once by a switch on cheap triggers: '@' and {@code %40} (e-mail), '=' ':' and their URL
 * escapes (key-value, URL credentials), '-' (private-key blocks, {@code --password x}), '+' and '('
 * (phones), the start of a digit run (cards, SSNs, phones) and the start of a word (vendor token
 * prefixes, JWTs, Bearer/Basic, PuTTY keys, IBANs, AWS and Azure secrets). Detectors return a packed
 * (start, end) match; what they read is bounded, or is masked and skipped, or is a run whose end
 * {@link TokenRuns} remembers, so that the work is linear in the length of the text whatever its shape
 * (see docs/sanitization.md, "Linear time"; {@link ScanSteps} counts it for the tests). Nothing but
 * the {@link Scan} is allocated until a word starts like a token or something is found; a string with
 * nothing to mask is returned as the same instance. Thread-safe: all state is local to
 * {@link #scan(String)}.
 */
final class TextScanner {
    private final boolean[] on = new boolean[Rule.values().length];
    private final SensitiveKeys keys;

    TextScanner(Set<Rule> enabled, SensitiveKeys keys) {
        for (Rule r : enabled) {
            on[r.ordinal()] = true;
        }
        this.keys = keys;
    }

    String scan(String s) {
        int n = s.length();
        ScanSteps.add(n); // the loop below visits each character once; detectors count their own reads
        Scan scan = new Scan(s, on, keys);
        StringBuilder out = null;
        int pos = 0; // s[0, pos) has been dealt with (copied to out, or masked)
        int i = 0;
        while (i < n) {
            long m = trigger(scan, i, pos);
            int next = scan.next;
            if (m != Chars.NONE && on[scan.rule.ordinal()]) {
                int start = Math.max(Chars.start(m), pos);
                int end = Chars.end(m);
                if (end > start) {
                    if (out == null) {
                        out = new StringBuilder(n + 16);
                    }
                    out.append(s, pos, start).append(scan.mask != null ? scan.mask : mask(scan.rule, s, start, end));
                    pos = end;
                    next = Math.max(end, i + 1);
                }
            }
            i = next;
        }
        if (out == null) {
            return s;
        }
        return out.append(s, pos, n).toString();
    }

    /**
     * What starts at {@code i}: the detector its character triggers, if any, and its match (or
     * {@link Chars#NONE}); leaves in {@link Scan#next} where to look next when nothing is masked.
     */
    private static long trigger(Scan scan, int i, int pos) {
        String s = scan.s;
        int n = s.length();
        char c = s.charAt(i);
        scan.next = i + 1;
        if (Chars.isLetter(c)) {
            return Chars.wordStartAt(s, i) ? WordTriggers.find(scan, i, c) : Chars.NONE;
        }
        if (Chars.isDigit(c)) {
            if (i > 0 && Chars.escapeAt(s, i - 1)) {
                // the hex digits of a URL escape ("%20", "%3D", "%2520") start no number
                scan.next = Math.min(s.startsWith("25", i) && Chars.escapeAt(s, i + 1) ? i + 4 : i + 2, n);
                return Chars.NONE;
            }
            int run = Chars.digitEnd(s, i, n - i);
            long m = Chars.wordStartAt(s, i) ? DigitTriggers.find(scan, i, run) : Chars.NONE;
            if (m == Chars.NONE) {
                scan.next = run; // the rest of the digit run starts nothing
            }
            return m;
        }
        return c > ' ' ? SymbolTriggers.find(scan, i, c, pos) : Chars.NONE;
    }

    private static String mask(Rule rule, String s, int start, int end) {
        switch (rule) {
            case CARD:
                return CardNumbers.mask(s, start, end);
            case AUTH_HEADER:
                // Basic credentials, with their scheme word or (under an auth key) without it
                return BearerTokens.isBasic(s, start) || Base64Credentials.isUserPassword(s, start, end)
                        ? Masks.CREDENTIALS
                        : rule.mask();
            case URL_CREDENTIALS:
                return UrlCredentials.isPassword(s, start) ? rule.mask() : Masks.CREDENTIALS;
            default:
                return rule.mask();
        }
    }
}
