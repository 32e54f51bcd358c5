package io.gatewaylog.core.internal.sanitize;

/**
 * E-mail addresses, looked for only around an '@' or its URL escape {@code %40} ({@code %2540} when
 * encoded twice): a local part of letters (of any script), digits and {@code ._%+-}, and a domain of at
 * least two labels ending in a top-level label of two or more letters, or an IDNA A-label
 * ({@code xn--p1ai}). Internationalised domains ({@code bücher.de}, {@code 例え.jp}) count as letters.
 * {@code admin@localhost}, {@code pkg@1.2.3} and {@code @timestamp} are left alone.
 *
 * <p>The local part is read back at most 64 characters (RFC 5321's limit) and the domain forwards at
 * most 255; neither read crosses another '@', so each character is read by at most two detections.
 */
final class EmailAddresses {
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 255;

    private EmailAddresses() {}

    /** The length of an at-sign at i: 1 for '@', 3 for {@code %40}, 5 for {@code %2540}, else 0. */
    static int atLength(String s, int i) {
        char c = s.charAt(i);
        if (c == '@') {
            return 1;
        }
        if (c == '\\' && s.startsWith("\\u0040", i)) {
            return 6; // a JSON unicode escape
        }
        if (c == '%') {
            if (s.startsWith("40", i + 1)) {
                return 3;
            }
            if (s.startsWith("2540", i + 1)) {
                return 5;
            }
        }
        return 0;
    }

    /**
     * The address around the at-sign at {@code at} (of length {@code atLen}), not reaching before
     * {@code floor}; or {@link Chars#NONE}.
     */
    static long find(String s, int at, int atLen, int floor) {
        int start = at;
        int limit = Math.max(floor, at - MAX_LOCAL);
        while (start > limit && isLocal(s.charAt(start - 1)) && !escapeBefore(s, start)) {
            start--;
        }
        while (start < at && s.charAt(start) == '.') {
            start++;
        }
        if (start == at && at > 0 && s.charAt(at - 1) == '"') {
            start = quotedLocalPart(s, at - 1, limit);
        }
        ScanSteps.add(at - start + 1);
        if (start == at) {
            return Chars.NONE;
        }
        int n = s.length();
        int domain = at + atLen;
        int p = domain;
        int labels = 0;
        int end = -1;
        while (p < n && Chars.isWordChar(s.charAt(p)) && p - domain < MAX_DOMAIN) {
            int q = p;
            boolean letters = true;
            while (q < n && q - domain < MAX_DOMAIN && (Chars.isWordChar(s.charAt(q)) || s.charAt(q) == '-')) {
                char c = s.charAt(q);
                letters &= Chars.isLetter(c) || c >= 128 && Chars.isWordChar(c) && !Character.isDigit(c);
                q++;
            }
            ScanSteps.add(q - p + 1);
            labels++;
            if (labels >= 2 && q - p >= 2 && (letters || s.startsWith("xn--", p))) {
                end = q;
            }
            if (q + 1 < n && s.charAt(q) == '.' && Chars.isWordChar(s.charAt(q + 1))) {
                p = q + 1;
            } else {
                break;
            }
        }
        return end < 0 ? Chars.NONE : Chars.match(start, end);
    }

    /** {@code "john doe"@example.com}: the opening quote of a quoted local part closing at q, or q + 1. */
    private static int quotedLocalPart(String s, int q, int limit) {
        int j = q - 1;
        while (j > limit && s.charAt(j) != '"' && s.charAt(j) != '\n') {
            j--;
        }
        ScanSteps.add(q - j);
        return j >= 0 && j < q - 1 && s.charAt(j) == '"' ? j : q + 1;
    }

    /** "mailto%3Aalice%40…": the escape before "alice" ends the local part; an encoded '+' does not. */
    private static boolean escapeBefore(String s, int start) {
        return Chars.escapeEndsAt(s, start - 1) && !Chars.regionIgnoreCase(s, start - 3, "%2B");
    }

    private static boolean isLocal(char c) {
        return Chars.isWordChar(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }
}
