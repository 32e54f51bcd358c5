package io.gatewaylog.core.internal.sanitize;

/**
 * US social security numbers written {@code 123-45-6789} or {@code 123 45 6789} with a valid area
 * (not 000, 666 or 9xx), group (not 00) and serial (not 0000). Nine bare digits are too common to be
 * taken for an SSN; under a key such as {@code ssn=} they are caught by the key-value rule instead.
 */
final class SocialSecurityNumbers {
    private SocialSecurityNumbers() {}

    /** The SSN starting at the digit at {@code i}, or {@link Chars#NONE}. */
    static long find(String s, int i) {
        int n = s.length();
        if (i + 11 > n) {
            return Chars.NONE;
        }
        char sep = s.charAt(i + 3);
        if (sep != '-' && sep != ' ' || s.charAt(i + 6) != sep) {
            return Chars.NONE;
        }
        for (int j = i; j < i + 11; j++) {
            if (j != i + 3 && j != i + 6 && !Chars.isDigit(s.charAt(j))) {
                return Chars.NONE;
            }
        }
        int end = i + 11;
        if (Chars.alnumAt(s, end)
                || sep == '-' && end + 1 < n && s.charAt(end) == '-' && Chars.isDigit(s.charAt(end + 1))) {
            return Chars.NONE; // part of a longer dashed number
        }
        int area = number(s, i, i + 3);
        int group = number(s, i + 4, i + 6);
        int serial = number(s, i + 7, i + 11);
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return Chars.NONE;
        }
        return Chars.match(i, end);
    }

    private static int number(String s, int from, int to) {
        int v = 0;
        for (int j = from; j < to; j++) {
            v = v * 10 + s.charAt(j) - '0';
        }
        return v;
    }
}
