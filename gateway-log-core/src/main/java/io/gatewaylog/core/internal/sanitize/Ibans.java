package io.gatewaylog.core.internal.sanitize;

/**
 * International bank account numbers: two capital letters, two check digits and 11 to 30 capitals or
 * digits, written solid or in groups separated by single spaces or dashes (one kind per number),
 * passing the ISO 13616 mod-97 check (which a random id of that shape fails 96 times in 97).
 */
final class Ibans {
    private static final int MIN = 15;
    private static final int MAX = 34;

    private Ibans() {
    }

    /** Cheap trigger: {@code s[i]} starts "LLdd". */
    static boolean mayStart(String s, int i) {
        return i + 3 < s.length() && Chars.isUpper(s.charAt(i)) && Chars.isUpper(s.charAt(i + 1))
                && Chars.isDigit(s.charAt(i + 2)) && Chars.isDigit(s.charAt(i + 3));
    }

    /** The longest valid IBAN starting at {@code i}, or {@link Chars#NONE}. */
    static long find(String s, int i) {
        int n = s.length();
        int p = i;
        int count = 0;
        long best = Chars.NONE;
        char sep = 0;
        while (p < n) {
            int q = p;
            while (q < n && q - p <= MAX && (Chars.isUpper(s.charAt(q)) || Chars.isDigit(s.charAt(q)))) {
                q++;
            }
            ScanSteps.add(q - p + 1);
            count += q - p;
            if (count > MAX) {
                break;
            }
            if (count >= MIN && !Chars.alnumAt(s, q) && mod97(s, i, q) == 1) {
                best = Chars.match(i, q);
            }
            if (q + 1 < n && (s.charAt(q) == ' ' || s.charAt(q) == '-') && (sep == 0 || s.charAt(q) == sep)
                    && (Chars.isUpper(s.charAt(q + 1)) || Chars.isDigit(s.charAt(q + 1)))) {
                sep = s.charAt(q);
                p = q + 1;
            } else {
                break;
            }
        }
        return best;
    }

    /** The remainder mod 97 of the rearranged account number (first four characters moved to the end). */
    private static int mod97(String s, int from, int to) {
        int r = 0;
        int seen = 0;
        for (int j = from; j < to; j++) {
            char c = s.charAt(j);
            if (c != ' ' && c != '-' && seen++ >= 4) {
                r = add(r, c);
            }
        }
        seen = 0;
        for (int j = from; j < to && seen < 4; j++) {
            char c = s.charAt(j);
            if (c != ' ' && c != '-') {
                r = add(r, c);
                seen++;
            }
        }
        return r;
    }

    private static int add(int r, char c) {
        return Chars.isDigit(c) ? (r * 10 + (c - '0')) % 97 : (r * 100 + (c - 'A' + 10)) % 97;
    }
}
