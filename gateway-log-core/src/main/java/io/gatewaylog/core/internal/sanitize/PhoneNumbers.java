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

    // How the number opens, which decides the rule its digits and groups must meet.
    /** After a '+'. */
    private static final int INTERNATIONAL = 0;
    /** After an international prefix "00". */
    private static final int DOUBLE_ZERO = 1;
    /** After a trunk zero. */
    private static final int NATIONAL = 2;
    /** Neither: North American. */
    private static final int BARE = 3;

    private PhoneNumbers() {}

    /**
     * The phone number starting at {@code i}, which holds a '+', a '(' or a digit that starts a digit
     * run; or {@link Chars#NONE}.
     */
    static long find(String s, int i) {
        char first = s.charAt(i);
        int p = firstDigit(s, i);
        if (p < 0) {
            return Chars.NONE;
        }
        int kind = kind(s, first, p);
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
                g0 = len;
                if (!opens(s, q, first, firstDigit, g0, kind)) {
                    return Chars.NONE;
                }
            } else if (group == 1) {
                g1 = len;
            } else if (group == 2) {
                g2 = len;
            }
            if (Chars.endsNumber(s, q) && whole(s, kind, firstDigit, group, g0, g1, g2, digits, separators, slashed)) {
                best = Chars.match(i, q);
            }
            int sep = separatorLength(s, q);
            if (sep == 0) {
                break;
            }
            slashed |= hasSlash(s, q, q + sep);
            separators++;
            p = q + sep;
        }
        return best;
    }

    /** Where the digits start after a '+' or '(' at {@code i}; -1 when no phone number can start there. */
    private static int firstDigit(String s, int i) {
        int n = s.length();
        char first = s.charAt(i);
        int p = first == '+' || first == '(' ? i + 1 : i;
        if (p >= n || !Chars.isDigit(s.charAt(p))) {
            return -1;
        }
        boolean trunkZero = first != '+' && s.charAt(p) == '0';
        if (trunkZero && !doubleZero(s, p) && (p + 1 >= n || s.charAt(p + 1) == '0')) {
            return -1;
        }
        return p;
    }

    /** An international prefix "00" followed by a country code's first digit. */
    private static boolean doubleZero(String s, int p) {
        return p + 2 < s.length() && s.charAt(p + 1) == '0' && s.charAt(p + 2) != '0' && Chars.isDigit(s.charAt(p + 2));
    }

    private static int kind(String s, char first, int firstDigit) {
        if (first == '+') {
            return INTERNATIONAL;
        }
        if (s.charAt(firstDigit) != '0') {
            return BARE;
        }
        return doubleZero(s, firstDigit) ? DOUBLE_ZERO : NATIONAL;
    }

    private static boolean hasSlash(String s, int from, int to) {
        for (int j = from; j < to; j++) {
            if (s.charAt(j) == '/') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the first group, ending at {@code q}, can open a phone number. Cheap exits: a parenthesis
     * opens an area code, nothing else; a bare number must open with an area code (3) or a country code 1,
     * a national number with a trunk zero and at least one more digit.
     */
    private static boolean opens(String s, int q, char first, int firstDigit, int g0, int kind) {
        if (first == '(' && (q >= s.length() || s.charAt(q) != ')')) {
            return false;
        }
        return !(kind == BARE && !(g0 == 3 || g0 == 1 && s.charAt(firstDigit) == '1') || kind == NATIONAL && g0 < 2);
    }

    /**
     * Whether the digits up to the end of group {@code group} make a whole phone number of this kind:
     * 8 to 15 digits after a '+' or (with a separator) after "00", else the national or North American
     * shapes; a bare number is no longer taken once a slash has separated its groups.
     */
    private static boolean whole(
            String s,
            int kind,
            int firstDigit,
            int group,
            int g0,
            int g1,
            int g2,
            int digits,
            int separators,
            boolean slashed) {
        switch (kind) {
            case INTERNATIONAL:
                return digits >= 8 && digits <= 15;
            case DOUBLE_ZERO:
                return separators > 0 && digits - 2 >= 8 && digits - 2 <= 15;
            case NATIONAL:
                return national(group, g0, g1, g2, digits);
            default:
                return !slashed && northAmerican(s, firstDigit, group, g0, g1, g2, digits, separators);
        }
    }

    /** A national number with a trunk zero: 9 to 12 digits, not grouped like a date and a year. */
    private static boolean national(int group, int g0, int g1, int g2, int digits) {
        return digits >= 9 && digits <= 12 && g0 >= 2 && !(group >= 2 && g0 <= 2 && g1 <= 2 && g2 == 4);
    }

    /** (415) 555-2671, 415-555-2671, 415.555.2671, 415 555 2671, 1-800-555-0199. */
    private static boolean northAmerican(
            String s, int first, int group, int g0, int g1, int g2, int digits, int separators) {
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
        if (j < n
                && (s.charAt(j) == ' '
                        || s.charAt(j) == '-'
                        || s.charAt(j) == '.'
                        || s.charAt(j) == '/'
                        || s.charAt(j) == '\u00a0')) {
            j++;
        }
        if (j < n && s.charAt(j) == '(') {
            j++;
        }
        return j > q && j < n && Chars.isDigit(s.charAt(j)) ? j - q : 0;
    }
}
