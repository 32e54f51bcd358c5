package io.gatewaylog.core.internal.sanitize;

/**
 * Credentials after an HTTP authentication scheme word ({@code Bearer abc…}, {@code Basic dXNl…}). The scheme word is kept so that the log still says
 * which scheme was used; a plain English word after it ("Bearer token missing") is not a credential.
 */
final class BearerTokens {
    private BearerTokens() {}

    /** At a word starting with b/B: the credential after "Bearer " or "Basic ", or {@link Chars#NONE}. */
    static long afterScheme(String s, int i) {
        boolean bearer = Chars.regionIgnoreCase(s, i, "bearer");
        boolean basic = !bearer && Chars.regionIgnoreCase(s, i, "basic");
        if (!bearer && !basic) {
            return Chars.NONE;
        }
        int from = i + (bearer ? 6 : 5);
        if (from >= s.length() || s.charAt(from) != ' ') {
            return Chars.NONE;
        }
        while (from < s.length() && s.charAt(from) == ' ') {
            from++;
        }
        int end = from;
        int eq = -1;
        while (end < s.length() && isCredentialChar(s.charAt(end))) {
            if (eq < 0 && s.charAt(end) == '=') {
                eq = end;
            }
            end++;
        }
        ScanSteps.add(end - i);
        if (eq >= 0) {
            int pad = eq;
            while (pad < end && s.charAt(pad) == '=') {
                pad++;
            }
            if (pad < end) {
                return Chars.NONE; // "Bearer expires_in=3600": a key=value pair, not a credential
            }
        }
        if (end - from < (basic ? 8 : 12)
                || isPlainWord(s, from, end)
                || !Chars.isAlnum(s.charAt(from))
                || end < s.length() && s.charAt(end) == ':'
                || endsWithWordLabel(s, from, end)) {
            // a word, a path, a host or file name, something followed by ':' (host:port, a time): not a
            // credential. A JWT passed over here is still caught by the JWT rule.
            return Chars.NONE;
        }
        if (basic && (end - from) % 4 != 0) {
            return Chars.NONE; // base64 of user:password is padded to a multiple of four
        }
        return Chars.match(from, end);
    }

    /** Whether the credential at s[start] followed a "Basic" scheme word. */
    static boolean isBasic(String s, int credentialStart) {
        int j = credentialStart;
        while (j > 0 && s.charAt(j - 1) == ' ') {
            j--;
        }
        return j >= 5 && Chars.regionIgnoreCase(s, j - 5, "basic");
    }

    /** "node-1.gw.example.net", "current.log": a dot, then letters only to the end. */
    private static boolean endsWithWordLabel(String s, int from, int to) {
        int dot = to - 1;
        while (dot >= from && s.charAt(dot) != '.') {
            dot--;
        }
        if (dot < from || dot == to - 1) {
            return false;
        }
        for (int j = dot + 1; j < to; j++) {
            if (!Chars.isLetter(s.charAt(j))) {
                return false;
            }
        }
        return true;
    }

    /** Characters of bearer tokens (RFC 6750 b64token) and base64. */
    private static boolean isCredentialChar(char c) {
        return Chars.isTokenChar(c) || c == '.' || c == '~' || c == '+' || c == '/' || c == '=';
    }

    /** An ordinary word: optionally capitalised, then small letters only. */
    private static boolean isPlainWord(String s, int from, int to) {
        for (int j = from + 1; j < to; j++) {
            if (!Chars.isLower(s.charAt(j))) {
                return false;
            }
        }
        return Chars.isLetter(s.charAt(from));
    }
}
