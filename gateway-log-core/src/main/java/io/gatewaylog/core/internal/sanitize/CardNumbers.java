package io.gatewaylog.core.internal.sanitize;

/**
 * Payment card numbers: 13 to 19 digits, solid or grouped (4-4-4-4, 4-6-5, 8-8, …) by one kind of
 * separator (a space or a run of up to three, a dash, a dot, an underscore), starting with a
 * known issuer prefix whose length rules they meet, and passing the Luhn check. An order number that
 * fails Luhn, an epoch timestamp (starts with 1) or a digit run glued to letters (hex ids) is left alone.
 */
final class CardNumbers {
    private static final int MAX_GROUPS = 8;

    private CardNumbers() {}

    /** The longest card number starting at the digit at {@code i}, or {@link Chars#NONE}. */
    static long find(String s, int i) {
        int n = s.length();
        int p = i;
        int digits = 0;
        long best = Chars.NONE;
        int q0 = 0;
        char sep = 0;
        int sepLen = 0;
        for (int group = 0; group < MAX_GROUPS && p < n; group++) {
            int q = Chars.digitEnd(s, p, 20);
            digits += q - p;
            if (group == 0) {
                q0 = q - p;
                if (q0 < 4) {
                    return Chars.NONE; // no card number starts with a group shorter than four
                }
            }
            if (digits > 19) {
                break;
            }
            // grouped numbers start with a group of four, or are two groups of eight:
            // "42861 4111 1111 1111" is a port, then a card
            boolean grouping = group == 0 || q0 == 4 || q0 == 8 && group == 1 && q - p == 8;
            if (digits >= 13 && grouping && Chars.endsNumber(s, q) && validLength(s, i, digits) && luhn(s, i, q)) {
                best = Chars.match(i, q);
            }
            int len = separatorLength(s, q, sep, sepLen);
            if (len == 0) {
                break;
            }
            sep = s.charAt(q);
            sepLen = len;
            p = q + len;
        }
        return best;
    }

    /**
     * The length of the group separator at q when a digit follows: one space, dash, dot, underscore or
     * no-break space, or a run of up to three spaces; the same kind of separator throughout one number.
     */
    private static int separatorLength(String s, int q, char sep, int sepLen) {
        int n = s.length();
        if (q + 1 >= n || !isSeparator(s.charAt(q))) {
            return 0;
        }
        char c = s.charAt(q);
        int len = 1;
        while (c == ' ' && len < 3 && q + len < n && s.charAt(q + len) == ' ') {
            len++;
        }
        if (q + len >= n || !Chars.isDigit(s.charAt(q + len)) || sepLen > 0 && c != sep) {
            return 0;
        }
        return len;
    }

    static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '_' || c == '\u00a0';
    }

    /** Issuer prefixes (IIN ranges) and the lengths each allows. */
    private static boolean validLength(String s, int i, int len) {
        char d0 = s.charAt(i);
        char d1 = nextDigit(s, i + 1);
        switch (d0) {
            case '4':
                return len == 13 || len == 16 || len == 19;
            case '5':
                return d1 >= '1' && d1 <= '5' ? len == 16 : len >= 13;
            case '2': {
                int first4 = (d1 - '0') * 100
                        + (nextDigit(s, indexOfDigit(s, i, 2)) - '0') * 10
                        + (nextDigit(s, indexOfDigit(s, i, 3)) - '0');
                // Mastercard 2221-2720, Mir 2200-2204
                return len == 16 && (first4 >= 221 && first4 <= 720 || first4 >= 200 && first4 <= 204);
            }
            case '3':
                if (d1 == '4' || d1 == '7') {
                    return len == 15;
                }
                return (d1 == '0' || d1 == '5' || d1 == '6' || d1 == '8' || d1 == '9') && len >= 14;
            case '6':
                return len >= 13;
            case '8':
                return (d1 == '1' || d1 == '2') && len == 16; // RuPay 81, 82
            default:
                return false;
        }
    }

    /** The index of the {@code k}-th digit (0-based) from i, skipping separators. */
    private static int indexOfDigit(String s, int i, int k) {
        int seen = -1;
        for (int j = i; j < s.length(); j++) {
            if (Chars.isDigit(s.charAt(j)) && ++seen == k) {
                return j;
            }
        }
        return s.length();
    }

    private static char nextDigit(String s, int i) {
        for (int j = i; j < s.length(); j++) {
            char c = s.charAt(j);
            if (Chars.isDigit(c)) {
                return c;
            }
        }
        return '0';
    }

    /** The Luhn check over the digits of s[from, to). */
    static boolean luhn(String s, int from, int to) {
        int sum = 0;
        boolean dbl = false;
        for (int j = to - 1; j >= from; j--) {
            char c = s.charAt(j);
            if (!Chars.isDigit(c)) {
                continue;
            }
            int d = c - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** The mask, keeping the last four digits: {@code [card:****1111]}. */
    static String mask(String s, int from, int to) {
        char[] last = new char[4];
        int k = 4;
        for (int j = to - 1; j >= from && k > 0; j--) {
            if (Chars.isDigit(s.charAt(j))) {
                last[--k] = s.charAt(j);
            }
        }
        return "[card:****" + new String(last) + "]";
    }
}
