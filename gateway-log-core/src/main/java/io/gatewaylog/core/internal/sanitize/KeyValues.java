package io.gatewaylog.core.internal.sanitize;

/**
 * Values of sensitive keys inside free text, found at each '=' or ':': {@code password=x},
 * {@code password: x}, {@code "password":"x"}, {@code 'password': 'x'}, escaped JSON
 * ({@code \"password\":\"x\"}), query strings ({@code ?token=x&…}) and connection strings
 * ({@code Password=x;}). The key before the separator is read backwards and judged by {@link SensitiveKeys}.
 *
 * <p>A quoted value is masked up to its closing quote. An unquoted value ends at white space or one of
 * {@code & , ; ) ] } < > " '}, except for {@code Authorization:} and {@code Cookie:} header lines, whose
 * value runs to the end of the line (for authorization, only with a many-parameter scheme such as
 * {@code Digest}). An authorization scheme word ({@code Bearer}, {@code Basic}, …) is kept. A value that is already a mask, or a JSON object or array (its members are checked on their own), is
 * left alone.
 */
final class KeyValues {
    private static final int MAX_KEY = 64;

    private KeyValues() {
    }

    /** The value to mask after the separator at {@code sep}, or {@link Chars#NONE}. */
    static long find(String s, int sep, SensitiveKeys keys) {
        int kind = kindBefore(s, sep, keys);
        if (kind == SensitiveKeys.NONE) {
            return Chars.NONE;
        }
        int n = s.length();
        int v = sep + 1;
        while (v < n && s.charAt(v) == ' ' && v - sep <= 3) {
            v++;
        }
        if (v >= n) {
            return Chars.NONE;
        }
        char c = s.charAt(v);
        if (c == '\\' && v + 1 < n && s.charAt(v + 1) == '"') {
            int close = s.indexOf("\\\"", v + 2);
            return quoted(s, v + 2, close < 0 ? lineEnd(s, v + 2) : close, kind);
        }
        if (c == '"' || c == '\'') {
            return quoted(s, v + 1, closingQuote(s, v + 1, c), kind);
        }
        if (c == '{' || c == '[' || c == '=') {
            return Chars.NONE;
        }
        boolean header = s.charAt(sep) == ':' && endsWithCookie(s, sep);
        if (kind == SensitiveKeys.AUTHORIZATION) {
            int credentials = afterSchemeWord(s, v);
            // Bearer and Basic carry one token; other schemes (Digest, AWS4-HMAC-SHA256 ...) a list of parameters
            header = s.charAt(sep) == ':' && credentials > v && !isSingleTokenScheme(s, v);
            v = credentials;
            if (s.charAt(v) == '[' || s.charAt(v) == '{') {
                return Chars.NONE; // already masked
            }
        }
        int end = header ? lineEnd(s, v) : unquotedEnd(s, v);
        return nonEmpty(s, v, end);
    }

    private static long quoted(String s, int from, int to, int kind) {
        if (kind == SensitiveKeys.AUTHORIZATION) {
            int after = afterSchemeWord(s, from);
            if (after < to) {
                from = after;
            }
        }
        return nonEmpty(s, from, to);
    }

    /** The kind of the key just before the separator at {@code sep} (see {@link SensitiveKeys}). */
    static int kindBefore(String s, int sep, SensitiveKeys keys) {
        int j = sep - 1;
        while (j >= 0 && s.charAt(j) == ' ' && sep - j <= 3) {
            j--;
        }
        if (j >= 0 && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
            j--;
            if (j >= 0 && s.charAt(j) == '\\') {
                j--;
            }
        }
        int keyEnd = j + 1;
        while (j >= 0 && keyEnd - j <= MAX_KEY && isKeyChar(s.charAt(j))) {
            j--;
        }
        int keyStart = j + 1;
        if (keyStart == keyEnd || !Chars.isLetter(s.charAt(keyStart)) && s.charAt(keyStart) != '_') {
            return SensitiveKeys.NONE;
        }
        return keys.kind(s, keyStart, keyEnd);
    }

    private static boolean endsWithCookie(String s, int sep) {
        int j = sep - 1;
        while (j >= 0 && !Chars.isAlnum(s.charAt(j))) {
            j--;
        }
        return j >= 5 && Chars.regionIgnoreCase(s, j - 5, "cookie");
    }

    /** Skips "Bearer ", "Basic ", "Digest " ...: a word of letters followed by a space and more text. */
    private static int afterSchemeWord(String s, int v) {
        int j = v;
        while (j < s.length() && Chars.isLetter(s.charAt(j)) && j - v < 12) {
            j++;
        }
        if (j > v && j + 1 < s.length() && s.charAt(j) == ' ' && s.charAt(j + 1) != ' ') {
            return j + 1;
        }
        return v;
    }

    private static boolean isSingleTokenScheme(String s, int v) {
        return Chars.regionIgnoreCase(s, v, "bearer ") || Chars.regionIgnoreCase(s, v, "basic ")
                || Chars.regionIgnoreCase(s, v, "token ");
    }

    private static boolean isKeyChar(char c) {
        return Chars.isAlnum(c) || c == '_' || c == '-' || c == '.';
    }

    private static int closingQuote(String s, int from, char quote) {
        for (int j = from; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == quote) {
                return j;
            }
        }
        return lineEnd(s, from);
    }

    private static int unquotedEnd(String s, int from) {
        int j = from;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c <= ' ' || c == '&' || c == ',' || c == ';' || c == ')' || c == ']' || c == '}' || c == '<'
                    || c == '>' || c == '"' || c == '\'' || c == '\\') {
                break;
            }
            j++;
        }
        return j;
    }

    private static int lineEnd(String s, int from) {
        int j = from;
        while (j < s.length() && s.charAt(j) != '\n' && s.charAt(j) != '\r' && s.charAt(j) != '"') {
            j++;
        }
        return j;
    }

    private static long nonEmpty(String s, int from, int to) {
        if (to <= from || Chars.isMask(s, from, to)) {
            return Chars.NONE;
        }
        return Chars.match(from, to);
    }
}
