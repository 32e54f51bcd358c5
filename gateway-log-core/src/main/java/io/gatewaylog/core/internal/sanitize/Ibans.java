package io.gatewaylog.core.internal.sanitize;

/**
 * International bank account numbers: two capital letters, two check digits and 11 to 30 capitals or
 * digits, written solid or in groups separated by single spaces or dashes (one kind per number),
 * passing the ISO 13616 mod-97 check (which a random id of that shape fails 96 times in 97).
 */
final class Ibans {
    private static final int MIN = 15;
    private static final int MAX = 34;
    /** 10^6 mod 97: the head (two letters, two digits) is six digits long. */
    private static final int SHIFT = 1_000_000 % 97;

    private Ibans() {}

    /** Cheap trigger: {@code s[i]} starts "LLdd". */
    static boolean mayStart(String s, int i) {
        return i + 3 < s.length()
                && Chars.isUpper(s.charAt(i))
                && Chars.isUpper(s.charAt(i + 1))
                && Chars.isDigit(s.charAt(i + 2))
                && Chars.isDigit(s.charAt(i + 3));
    }

    /** The longest valid IBAN starting at {@code i}, or {@link Chars#NONE}. */
    static long find(String s, int i) {
        int n = s.length();
        // ISO 13616 moves the first four characters (country, check digits) to the end; their part of
        // the remainder is fixed, so the check of every candidate end costs O(1): the rest's remainder
        // is kept as the characters are read, then shifted by the head's six digits and added to it
        int head = 0;
        for (int j = i; j < i + 4; j++) {
            head = add(head, s.charAt(j));
        }
        int rest = 0;
        int p = i;
        int count = 0;
        long best = Chars.NONE;
        char sep = 0;
        while (p < n) {
            int q = p;
            while (q < n && count + q - p <= MAX && (Chars.isUpper(s.charAt(q)) || Chars.isDigit(s.charAt(q)))) {
                if (count + q - p >= 4) {
                    rest = add(rest, s.charAt(q));
                }
                q++;
            }
            ScanSteps.add(q - p + 1);
            count += q - p;
            if (count > MAX || q < n && Chars.isAlnum(s.charAt(q))) {
                break;
            }
            if (count >= MIN && (rest * SHIFT + head) % 97 == 1) {
                best = Chars.match(i, q);
            }
            if (q + 1 < n
                    && (s.charAt(q) == ' ' || s.charAt(q) == '-')
                    && (sep == 0 || s.charAt(q) == sep)
                    && (Chars.isUpper(s.charAt(q + 1)) || Chars.isDigit(s.charAt(q + 1)))) {
                sep = s.charAt(q);
                p = q + 1;
            } else {
                break;
            }
        }
        return best;
    }

    private static int add(int r, char c) {
        return Chars.isDigit(c) ? (r * 10 + (c - '0')) % 97 : (r * 100 + (c - 'A' + 10)) % 97;
    }
}
