package io.gatewaylog.core.internal.sanitize;

/**
 * E-mail addresses, looked for only around an '@': a local part of letters, digits and {@code ._%+-},
 * and a domain of at least two labels ending in an alphabetic top-level label of two or more letters.
 * {@code admin@localhost}, {@code pkg@1.2.3} and {@code @timestamp} are therefore left alone.
 */
final class EmailAddresses {
    private EmailAddresses() {
    }

    /** The address around the '@' at {@code at}, not reaching before {@code floor}; or {@link Chars#NONE}. */
    static long find(String s, int at, int floor) {
        int start = at;
        while (start > floor && isLocal(s.charAt(start - 1))) {
            start--;
        }
        while (start < at && s.charAt(start) == '.') {
            start++;
        }
        if (start == at) {
            return Chars.NONE;
        }
        int n = s.length();
        int p = at + 1;
        int labels = 0;
        int end = -1;
        while (p < n && Chars.isAlnum(s.charAt(p))) {
            int q = p;
            boolean letters = true;
            while (q < n && (Chars.isAlnum(s.charAt(q)) || s.charAt(q) == '-')) {
                letters &= Chars.isLetter(s.charAt(q));
                q++;
            }
            labels++;
            if (labels >= 2 && letters && q - p >= 2) {
                end = q;
            }
            if (q + 1 < n && s.charAt(q) == '.' && Chars.isAlnum(s.charAt(q + 1))) {
                p = q + 1;
            } else {
                break;
            }
        }
        return end < 0 ? Chars.NONE : Chars.match(start, end);
    }

    private static boolean isLocal(char c) {
        return Chars.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }
}
