package io.gatewaylog.core.internal.sanitize;

/**
 * Character classes and the packed (start, end) match that detectors return, so that the scan allocates
 * nothing until something is found.
 */
final class Chars {
    /** No match. */
    static final long NONE = -1L;

    private Chars() {
    }

    static long match(int start, int end) {
        return ((long) start << 32) | (end & 0xffffffffL);
    }

    static int start(long match) {
        return (int) (match >>> 32);
    }

    static int end(long match) {
        return (int) match;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isLetter(char c) {
        return isUpper(c) || isLower(c);
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    /** Alphanumeric at index i of s; false outside the string. */
    static boolean alnumAt(String s, int i) {
        return i >= 0 && i < s.length() && isAlnum(s.charAt(i));
    }

    /**
     * Whether a number may end at q: not followed by a letter or digit, nor by '-' or '.' and one (which
     * would make it the head of an identifier such as a UUID).
     */
    static boolean endsNumber(String s, int q) {
        if (alnumAt(s, q)) {
            return false;
        }
        return !(q < s.length() && (s.charAt(q) == '-' || s.charAt(q) == '.') && alnumAt(s, q + 1));
    }

    static boolean digitAt(String s, int i) {
        return i >= 0 && i < s.length() && isDigit(s.charAt(i));
    }

    /** Characters of base64url tokens (JWT parts, vendor keys). */
    static boolean isTokenChar(char c) {
        return isAlnum(c) || c == '_' || c == '-';
    }

    /** Characters of standard base64. */
    static boolean isBase64(char c) {
        return isAlnum(c) || c == '+' || c == '/';
    }

    /** Whether s has {@code prefix} at index i, comparing ASCII letters case-insensitively. */
    static boolean regionIgnoreCase(String s, int i, String prefix) {
        return s.regionMatches(true, i, prefix, 0, prefix.length());
    }

    /** Index of the first character at or after i that is not a token character. */
    static int tokenEnd(String s, int i) {
        int n = s.length();
        while (i < n && isTokenChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index of the first character at or after i that is not alphanumeric. */
    static int alnumEnd(String s, int i) {
        int n = s.length();
        while (i < n && isAlnum(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether s[from, to) is a bracketed mask this sanitizer wrote, e.g. {@code [secret]}. */
    static boolean isMask(String s, int from, int to) {
        if (to - from < 3 || s.charAt(from) != '[' || s.charAt(to - 1) != ']') {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = s.charAt(i);
            if (!(isLower(c) || isDigit(c) || c == '-' || c == ':' || c == '*')) {
                return false;
            }
        }
        return true;
    }
}
