package io.gatewaylog.core.internal.sanitize;

/**
 * Character classes and the packed (start, end) match that detectors return, so that the scan allocates
 * nothing until something is found.
 */
final class Chars {
    /** No match. */
    static final long NONE = -1L;

    private Chars() {}

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

    static boolean isHex(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /**
     * Space or tab, and the no-break spaces that word processors and chat tools put in pasted text
     * (U+00A0, U+2007, U+202F): what people put around '=' and ':' to line values up.
     */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    /** A letter or digit of any script (internationalised e-mail addresses and domains). */
    static boolean isWordChar(char c) {
        if (c < 128) {
            return isAlnum(c);
        }
        int t = Character.getType(c);
        // the vowel signs of Devanagari and other scripts are marks, not letters, but belong to the word
        return Character.isLetterOrDigit(c) || t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    /** Whether a URL escape {@code %XX} (X hexadecimal) starts at i. */
    static boolean escapeAt(String s, int i) {
        return i >= 0 && i + 2 < s.length() && s.charAt(i) == '%' && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
    }

    /**
     * Whether a word starts at i: at the start of the text, after a character that is not a letter or
     * digit, or right after a URL escape such as {@code %20} or {@code %3D} (URL-encoded text glues words
     * to the escape's hex digits).
     */
    static boolean wordStartAt(String s, int i) {
        if (i == 0) {
            return true;
        }
        char prev = s.charAt(i - 1);
        // the common case, a letter inside a word, is answered by two comparisons
        return !isAlnum(prev) || isHex(prev) && escapeEndsAt(s, i - 1);
    }

    /** Whether j is the last hex digit of an escape, {@code %XX} or (encoded twice) {@code %25XX}. */
    static boolean escapeEndsAt(String s, int j) {
        return escapeAt(s, j - 2)
                || j >= 4
                        && escapeAt(s, j - 4)
                        && s.charAt(j - 3) == '2'
                        && s.charAt(j - 2) == '5'
                        && isHex(s.charAt(j - 1));
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
        int from = i;
        while (i < n && isTokenChar(s.charAt(i))) {
            i++;
        }
        ScanSteps.add(i - from);
        return i;
    }

    /** Index of the first character at or after i that is not alphanumeric. */
    static int alnumEnd(String s, int i) {
        int n = s.length();
        int from = i;
        while (i < n && isAlnum(s.charAt(i))) {
            i++;
        }
        ScanSteps.add(i - from);
        return i;
    }

    /** Index of the first non-digit at or after i, looking at most {@code max} characters ahead. */
    static int digitEnd(String s, int i, int max) {
        int limit = Math.min(s.length(), i + max);
        int from = i;
        while (i < limit && isDigit(s.charAt(i))) {
            i++;
        }
        ScanSteps.add(i - from);
        return i;
    }

    /**
     * Whether s[from, to) is a mask this sanitizer writes ({@code [secret]}, {@code [card:****1111]},
     * {@code [gitlab-token]}, …), so that sanitizing twice changes nothing more. Only the known masks
     * count: {@code [hunter2]} or a bracketed hex id is a value like any other.
     */
    static boolean isMask(String s, int from, int to) {
        int len = to - from;
        if (len < 3 || len > 40 || s.charAt(from) != '[' || s.charAt(to - 1) != ']') {
            return false;
        }
        if (s.startsWith("[card:****", from)) {
            return len == 15;
        }
        return Masks.isKnown(s, from, len);
    }
}
