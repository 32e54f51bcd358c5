package io.gatewaylog.core.internal.sanitize;

import java.util.List;

/**
 * National identity numbers written after their usual label and a space, as people write them in
 * free text: {@code NINO MH 93 94 26 C}, {@code DNI 70869358X}, {@code SIN 979-652-294},
 * {@code Aadhaar 4367 1701 7434}, {@code personnummer 921204-6206}. With '=' or ':' after the label they
 * are values of sensitive keys like any other. Without a label, numbers of these shapes are too common
 * (order numbers, dates, ids) to be masked, except US SSNs and cards, which have their own rules.
 *
 * <p>The value is a run of groups of letters, digits, '.' and '-', separated by single spaces, of at most
 * 24 characters and with at least six digits; a group after the first has at most four characters and
 * holds a digit (or is one capital, the letter that ends a NINO), so the words that follow the number
 * are not taken with it.
 */
final class NationalIds {
    private static final List<String> LABELS = List.of(
            "nino",
            "cpf",
            "dni",
            "nie",
            "nif",
            "aadhaar",
            "aadhar",
            "personnummer",
            "henkilötunnus",
            "hetu",
            "pesel",
            "sin",
            "bsn",
            "nir",
            "bsnr",
            "cnp",
            "egn",
            "jmbg",
            "rodne",
            "curp");
    private static final int MAX_LABEL = 14;
    private static final int MAX_VALUE = 24;

    private NationalIds() {}

    /** Whether s[i, i + len) is a label, compared in place (this runs at many word starts). */
    private static boolean isLabel(String s, int i, int len) {
        for (String label : LABELS) {
            if (label.length() == len && s.regionMatches(true, i, label, 0, len)) {
                return true;
            }
        }
        return false;
    }

    /** Cheap test on the first letter of a word. */
    static boolean mayStart(char c) {
        return c < 128 && FIRST_LETTERS[c];
    }

    private static final boolean[] FIRST_LETTERS = firstLetters();

    private static boolean[] firstLetters() {
        boolean[] out = new boolean[128];
        for (String label : LABELS) {
            out[label.charAt(0)] = true;
            out[Character.toUpperCase(label.charAt(0))] = true;
        }
        return out;
    }

    /** At a word start: the number after a national-id label, or {@link Chars#NONE}. */
    static long find(String s, int i) {
        int n = s.length();
        int e = i;
        while (e < n && e - i <= MAX_LABEL && Chars.isWordChar(s.charAt(e))) {
            e++;
        }
        ScanSteps.add(e - i);
        if (e - i < 3 || e - i > MAX_LABEL || e + 1 >= n || s.charAt(e) != ' ' || !isLabel(s, i, e - i)) {
            return Chars.NONE;
        }
        int v = e + 1;
        int p = v;
        int end = v;
        int digits = 0;
        int group = 0;
        while (p < n && p - v < MAX_VALUE) {
            int q = p;
            int groupDigits = 0;
            while (q < n
                    && q - v < MAX_VALUE
                    && (Chars.isAlnum(s.charAt(q)) || s.charAt(q) == '.' || s.charAt(q) == '-')) {
                groupDigits += Chars.isDigit(s.charAt(q)) ? 1 : 0;
                q++;
            }
            ScanSteps.add(q - p + 1);
            boolean single = q - p == 1 && Chars.isUpper(s.charAt(p));
            if (q == p
                    || group > 0 && (q - p > 4 || groupDigits == 0 && !single)
                    || group == 0 && groupDigits == 0 && !(q - p == 2 && Chars.isUpper(s.charAt(p)))
                    || q < n && Chars.isWordChar(s.charAt(q))) {
                break;
            }
            digits += groupDigits;
            end = q;
            group++;
            if (q + 1 < n && s.charAt(q) == ' ' && Chars.isAlnum(s.charAt(q + 1))) {
                p = q + 1;
            } else {
                break;
            }
        }
        while (end > v && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
            end--;
        }
        return digits >= 6 ? Chars.match(v, end) : Chars.NONE;
    }
}
