package io.gatewaylog.core.internal.sanitize;

/**
 * HTTP header values logged as text: where a {@code Cookie:} or many-parameter {@code Authorization:}
 * value ends, and the authentication scheme word ({@code Bearer}, {@code Basic}, {@code Digest}) that is
 * kept in front of a masked credential.
 */
final class HeaderValues {
    private HeaderValues() {}

    static boolean endsWithCookie(String s, int sep) {
        int j = sep - 1;
        while (j >= 0 && sep - j <= 24 && !Chars.isAlnum(s.charAt(j))) {
            j--;
        }
        return j >= 5 && Chars.regionIgnoreCase(s, j - 5, "cookie");
    }

    /** Skips "Bearer ", "Basic ", "Digest " ...: a word of letters followed by a space and more text. */
    static int afterSchemeWord(String s, int v) {
        int j = v;
        while (j < s.length() && Chars.isLetter(s.charAt(j)) && j - v < 12) {
            j++;
        }
        if (j > v && j + 1 < s.length() && s.charAt(j) == ' ' && s.charAt(j + 1) != ' ') {
            return j + 1;
        }
        return v;
    }

    static boolean isSingleTokenScheme(String s, int v) {
        return Chars.regionIgnoreCase(s, v, "bearer ")
                || Chars.regionIgnoreCase(s, v, "basic ")
                || Chars.regionIgnoreCase(s, v, "token ");
    }

    /**
     * The end of a header value: the end of the line, or a quote that closes the string the header was
     * logged in. The quotes of a parameter ({@code response="…"} in Digest) do not end it.
     */
    static int end(String s, int from) {
        int n = s.length();
        int j = from;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == '"') {
                if (j == 0 || s.charAt(j - 1) != '=') {
                    break;
                }
                int close = j + 1;
                while (close < n && s.charAt(close) != '"' && s.charAt(close) != '\n') {
                    close++;
                }
                if (close >= n || s.charAt(close) != '"') {
                    break;
                }
                j = close;
            }
            j++;
        }
        ScanSteps.add(j - from);
        return j;
    }
}
