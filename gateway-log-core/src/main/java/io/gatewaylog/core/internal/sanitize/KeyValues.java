package io.gatewaylog.core.internal.sanitize;

/**
 * Values of sensitive keys inside free text, found at each separator: '=', ':' and, in URL-encoded
 * text, {@code %3D} and {@code %3A} (also encoded twice, {@code %253D}). The key is read back by
 * {@link KeyNames}; what follows the separator (after any spaces or tabs) is the value:
 * <ul>
 * <li>a quoted string, with the quote escaped any number of times ({@code "x"}, {@code \"x\"},
 *     {@code \\\"x\\\"}), up to the matching closing quote;</li>
 * <li>a bracketed list, as in the {@code toString()} of multi-valued and HTTP header maps
 *     ({@code {password=[x], Authorization=[Bearer …]}}) and JSON arrays ({@code "password":["x"]}): the
 *     inside of the brackets, unless it holds objects or lists (their members are judged on their own);</li>
 * <li>a braced ODBC value ({@code PWD={a;b}});</li>
 * <li>otherwise an unquoted word, which ends at white space or one of {@code & , ; ) ] } < > " ' \};
 *     after an encoded separator it also ends at an encoded {@code &}, space or quote.</li>
 * </ul>
 * {@code Authorization:} and {@code Cookie:} header lines run to the end of the line (for authorization,
 * only with a many-parameter scheme such as {@code Digest} or {@code AWS4-HMAC-SHA256}); an authorization
 * scheme word ({@code Bearer}, {@code Basic}, …) is kept. A value that is already a mask is left alone.
 *
 * <p>A value is read forwards only when its key is sensitive, and the whole value is then masked and
 * skipped by the scan; the searches that may fail (a bracket or brace never closed) stop at the next
 * bracket, brace or line end, so no character is read forwards twice.
 */
final class KeyValues {
    private static final int MAX_BLANKS = 16;
    private static final int MAX_BACKSLASHES = 8;
    /** A quote escaped as a JSON unicode escape, as some serialisers write it: {@code \u0022}. */
    static final String UNICODE_QUOTE = "\\u0022";

    private KeyValues() {}

    /** The value to mask after the separator at {@code sep} of length {@code sepLen}, or {@link Chars#NONE}. */
    static long find(String s, int sep, int sepLen, SensitiveKeys keys) {
        int kind = KeyNames.kindBefore(s, sep, keys);
        if (kind == SensitiveKeys.NONE) {
            return Chars.NONE;
        }
        int n = s.length();
        int v = valueStart(s, sep, sepLen);
        if (v >= n) {
            return Chars.NONE;
        }
        if (sepLen > 1) {
            return UrlEncodedValues.value(s, v);
        }
        if (s.startsWith(UNICODE_QUOTE, v)) {
            int from = v + UNICODE_QUOTE.length();
            int close = s.indexOf(UNICODE_QUOTE, from);
            return quoted(s, from, close < 0 ? ValueEnds.lineEnd(s, from) : close, kind);
        }
        int bs = 0;
        while (v + bs < n && s.charAt(v + bs) == '\\' && bs < MAX_BACKSLASHES) {
            bs++;
        }
        if (v + bs < n && (s.charAt(v + bs) == '"' || s.charAt(v + bs) == '\'')) {
            char q = s.charAt(v + bs);
            int from = v + bs + 1;
            int close = bs == 0 ? ValueEnds.closingQuote(s, from, q) : ValueEnds.escapedQuote(s, from, bs, q);
            return quoted(s, from, close, kind);
        }
        return unquoted(s, sep, v, kind);
    }

    /** Where the value after the separator starts: past a few blanks and Ruby's and PHP's {@code =>}. */
    private static int valueStart(String s, int sep, int sepLen) {
        int n = s.length();
        int v = sep + sepLen;
        int blanks = 0;
        while (v < n && Chars.isBlank(s.charAt(v)) && blanks < MAX_BLANKS) {
            v++;
            blanks++;
        }
        if (v < n && s.charAt(sep) == '=' && s.charAt(v) == '>') {
            // Ruby's and PHP's "password" => "x"
            v++;
            while (v < n && Chars.isBlank(s.charAt(v)) && v - sep <= MAX_BLANKS) {
                v++;
            }
        }
        return v;
    }

    /** A value at {@code v} that is not quoted: bracketed, braced, a header's value or a bare word. */
    private static long unquoted(String s, int sep, int v, int kind) {
        char c = s.charAt(v);
        if (c == '[') {
            return bracketed(s, v, kind);
        }
        if (c == '{') {
            return s.charAt(sep) == '=' ? braced(s, v) : Chars.NONE;
        }
        if (c == '=') {
            return Chars.NONE;
        }
        boolean header = s.charAt(sep) == ':' && HeaderValues.endsWithCookie(s, sep);
        if (kind == SensitiveKeys.AUTHORIZATION) {
            int credentials = HeaderValues.afterSchemeWord(s, v);
            // Bearer and Basic carry one token; other schemes (Digest, AWS4-HMAC-SHA256 ...) a list of parameters
            header = s.charAt(sep) == ':' && credentials > v && !HeaderValues.isSingleTokenScheme(s, v);
            v = credentials;
            if (s.charAt(v) == '[' || s.charAt(v) == '{') {
                return Chars.NONE; // already masked
            }
        }
        int end = header ? HeaderValues.end(s, v) : ValueEnds.unquotedEnd(s, v);
        if (kind == SensitiveKeys.AUTHORIZATION && isStatusWord(s, v, end)) {
            return Chars.NONE; // "auth: ok", "authorization=failed": a status, never a credential
        }
        return nonEmpty(s, v, end);
    }

    private static long quoted(String s, int from, int to, int kind) {
        if (kind == SensitiveKeys.AUTHORIZATION) {
            int after = HeaderValues.afterSchemeWord(s, from);
            if (after < to) {
                from = after;
            }
        }
        return nonEmpty(s, from, to);
    }

    /** {@code [x]}, {@code ["x", "y"]}, {@code [Bearer x]}: the inside, or NONE for lists of structures. */
    private static long bracketed(String s, int open, int kind) {
        int n = s.length();
        int close = open + 1;
        while (close < n
                && s.charAt(close) != ']'
                && s.charAt(close) != '['
                && s.charAt(close) != '{'
                && s.charAt(close) != '\n'
                && s.charAt(close) != '\r') {
            close++;
        }
        ScanSteps.add(close - open);
        if (close >= n || s.charAt(close) != ']' || Chars.isMask(s, open, close + 1)) {
            return Chars.NONE;
        }
        int from = open + 1;
        int to = close;
        while (from < to && Chars.isBlank(s.charAt(from))) {
            from++;
        }
        while (to > from && Chars.isBlank(s.charAt(to - 1))) {
            to--;
        }
        if (to - from >= 2 && (s.charAt(from) == '"' || s.charAt(from) == '\'') && s.charAt(to - 1) == s.charAt(from)) {
            from++; // keep the quotes, so that a JSON array stays one: ["[secret]"]
            to--;
        }
        return quoted(s, from, to, kind);
    }

    /** ODBC's {@code {…}} quoting; a JSON object (quotes or colons inside) is not one. */
    private static long braced(String s, int open) {
        int n = s.length();
        int close = open + 1;
        while (close < n && "}\"':{\n\r".indexOf(s.charAt(close)) < 0) {
            close++;
        }
        ScanSteps.add(close - open);
        return close < n && s.charAt(close) == '}' ? nonEmpty(s, open + 1, close) : Chars.NONE;
    }

    static long nonEmpty(String s, int from, int to) {
        if (to <= from || Chars.isMask(s, from, to) || isSwitch(s, from, to)) {
            return Chars.NONE;
        }
        return Chars.match(from, to);
    }

    /** A short word of small letters. */
    private static boolean isStatusWord(String s, int from, int to) {
        if (to - from > 12) {
            return false;
        }
        for (int j = from; j < to; j++) {
            if (!Chars.isLower(s.charAt(j))) {
                return false;
            }
        }
        return true;
    }

    private static final String[] SWITCHES = {
        "on", "off", "true", "false", "yes", "no", "none", "null", "enabled", "disabled", "required", "optional"
    };

    /** {@code legacy_auth=off}, {@code password_required: true}: a setting about a secret, not one. */
    private static boolean isSwitch(String s, int from, int to) {
        int len = to - from;
        if (len > 8) {
            return false;
        }
        for (String w : SWITCHES) {
            if (w.length() == len && s.regionMatches(true, from, w, 0, len)) {
                return true;
            }
        }
        return false;
    }
}
