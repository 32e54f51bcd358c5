package io.gatewaylog.core.internal.sanitize;

/**
 * Phone numbers: international ({@code +44 20 7946 0958}, {@code +14155552671}, {@code 0044 20 ...}),
 * North American ({@code (415) 555-2671}, {@code 415-555-2671}, {@code 1-800-555-0199}) and national
 * numbers with a trunk zero ({@code 020 7946 0958}, {@code 06 12 34 56 78}). Groups may be separated
 * by a space, dash, dot, slash or parentheses. Bare digit runs without a {@code +} or trunk zero are
 * not taken for phone numbers (they are counts and ids far more often), nor are dates such as
 * {@code 01.02.2024}, nor decimals such as {@code 0.123456789}.
 */
final class PhoneNumbers {
    private static final int MAX_GROUPS = 8;

    private PhoneNumbers() {
    }

    /**
     * The phone number starting at {@code i}, which holds a '+', a '(' or a digit that starts a digit
     * run; or {@link Chars#NONE}.
     */
    static long find(String s, int i) {
        int n = s.length();
        char first = s.charAt(i);
        boolean plus = first == '+';
        int p = first == '+' || first == '(' ? i + 1 : i;
        if (p >= n || !Chars.isDigit(s.charAt(p))) {
            return Chars.NONE;
        }
        boolean trunkZero = !plus && s.charAt(p) == '0';
        boolean doubleZero = trunkZero && p + 2 < n && s.charAt(p + 1) == '0' && s.charAt(p + 2) != '0'
                && Chars.isDigit(s.charAt(p + 2));
        if (trunkZero && !doubleZero && (p + 1 >= n || s.charAt(p + 1) == '0')) {
            return Chars.NONE;
        }
        int firstDigit = p;
        int digits = 0;
        int separators = 0;
        boolean slashed = false;
        int g0 = 0;
        int g1 = 0;
        int g2 = 0;
        long best = Chars.NONE;
        for (int group = 0; group < MAX_GROUPS; group++) {
            int q = Chars.digitEnd(s, p, 18);
            int len = q - p;
            digits += len;
            if (digits > 17) {
                break;
            }
            if (group == 0) {
                if (first == '(' && (q >= n || s.charAt(q) != ')')) {
                    return Chars.NONE; // a parenthesis opens an area code, nothing else
                }
                g0 = len;
                // cheap exits: a bare number must open with an area code (3) or a country code 1,
                // a national number with a trunk zero and at least one more digit
                if (!plus && !trunkZero && !(g0 == 3 || g0 == 1 && s.charAt(firstDigit) == '1')
                        || trunkZero && !doubleZero && g0 < 2) {
                    return Chars.NONE;
                }
            } else if (group == 1) {
                g1 = len;
            } else if (group == 2) {
                g2 = len;
            }
            if (Chars.endsNumber(s, q)) {
                boolean ok;
                if (plus) {
                    ok = digits >= 8 && digits <= 15;
                } else if (doubleZero) {
                    ok = separators > 0 && digits - 2 >= 8 && digits - 2 <= 15;
                } else if (trunkZero) {
                    ok = digits >= 9 && digits <= 12 && g0 >= 2 && !(group >= 2 && g0 <= 2 && g1 <= 2 && g2 == 4);
                } else {
                    ok = !slashed && northAmerican(s, firstDigit, group, g0, g1, g2, digits, separators);
                }
                if (ok) {
                    best = Chars.match(i, q);
                }
            }
            int sep = separatorLength(s, q);
            if (sep == 0) {
                break;
            }
            for (int j = q; j < q + sep; j++) {
                slashed |= s.charAt(j) == '/';
            }
            separators++;
            p = q + sep;
        }
        return best;
    }

    /** (415) 555-2671, 415-555-2671, 415.555.2671, 415 555 2671, 1-800-555-0199. */
    private static boolean northAmerican(String s, int first, int group, int g0, int g1, int g2, int digits,
                                         int separators) {
        if (separators == 0 || digits != 10 && digits != 11) {
            return false;
        }
        if (digits == 10 && group == 2 && g0 == 3 && g1 == 3 && g2 == 4) {
            char area = s.charAt(first);
            return area >= '2' && area <= '9';
        }
        // 1-800-555-0199: a leading country code 1, then 3-3-4
        return digits == 11 && group == 3 && g0 == 1 && s.charAt(first) == '1' && g1 == 3 && g2 == 3;
    }

    /** Length of a separator at q that is followed by a digit: ' ', '-', '.', '/', ')', ') ', ' (', '(' ... */
    private static int separatorLength(String s, int q) {
        int n = s.length();
        int j = q;
        if (j < n && s.charAt(j) == ')') {
            j++;
        }
        if (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '-' || s.charAt(j) == '.' || s.charAt(j) == '/'
                || s.charAt(j) == '\u00a0')) {
            j++;
        }
        if (j < n && s.charAt(j) == '(') {
            j++;
        }
        return j > q && j < n && Chars.isDigit(s.charAt(j)) ? j - q : 0;
    }
}
