package io.gatewaylog.core.internal.sanitize;

/**
 * Key-value pairs inside URL-encoded text, as a redirect URI or a form body logged inside another
 * parameter carries them ({@code redirect=https%3A%2F%2Fapp%2Fcb%3Faccess_token%3Dabc%26state%3Dx}):
 * the separators {@code %3D} and {@code %3A}, also encoded twice ({@code %253D}), and values that end
 * where an encoded '&amp;', space or quote starts.
 */
final class UrlEncodedValues {
    private UrlEncodedValues() {}

    /** The length of a separator at i: 1 for '=' and ':', 3 or 5 for their URL escapes, else 0. */
    static int separatorLength(String s, int i) {
        char c = s.charAt(i);
        if (c == '=' || c == ':') {
            return 1;
        }
        if (c != '%' || i + 2 >= s.length()) {
            return 0;
        }
        int j = i + 1;
        if (s.startsWith("25", j) && i + 4 < s.length()) {
            j += 2; // encoded twice
        }
        char a = s.charAt(j);
        char b = Character.toUpperCase(s.charAt(j + 1));
        return a == '3' && (b == 'D' || b == 'A') ? j + 2 - i : 0;
    }

    /** A value after {@code %3D}: it ends where an encoded '&', space, quote, ';' or ',' starts. */
    static long value(String s, int v) {
        int n = s.length();
        int from = v;
        int quote = encodedQuoteLength(s, from);
        from += quote;
        int j = from;
        while (j < n) {
            char c = s.charAt(j);
            if (c <= ' ' || c == '&' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == ';'
                    || c == ',') {
                break;
            }
            if (c == '%' && endsEncodedValue(s, j)) {
                break;
            }
            j++;
        }
        ScanSteps.add(j - v);
        return KeyValues.nonEmpty(s, from, j);
    }

    private static int encodedQuoteLength(String s, int i) {
        if (s.startsWith("%22", i) || s.startsWith("%27", i)) {
            return 3;
        }
        return s.startsWith("%2522", i) || s.startsWith("%2527", i) ? 5 : 0;
    }

    /** An encoded '&', space, quote, ';', ',', '}' or line feed (once or twice) at j. */
    private static boolean endsEncodedValue(String s, int j) {
        int k = j + 1;
        if (s.startsWith("25", k)) {
            k += 2;
        }
        if (k + 1 >= s.length()) {
            return false;
        }
        char a = s.charAt(k);
        char b = Character.toUpperCase(s.charAt(k + 1));
        return a == '2' && (b == '6' || b == '0' || b == '2' || b == '7' || b == 'C')
                || a == '3' && b == 'B'
                || a == '7' && b == 'D'
                || a == '0' && b == 'A';
    }
}
