package io.gatewaylog.core.internal.sanitize;

/**
 * Credentials in URLs and URL-style connection strings: {@code scheme://user:password@host} keeps the
 * user and masks the password; {@code scheme://token@host} masks the whole user part, since tokens are
 * often passed as a user name. Query parameters ({@code ?token=…}) are handled by the key-value rule.
 */
final class UrlCredentials {
    private UrlCredentials() {}

    /** At the ':' of "://": the part to mask, or {@link Chars#NONE}. */
    static long find(String s, int colon) {
        int n = s.length();
        if (colon + 3 > n
                || s.charAt(colon + 1) != '/'
                || s.charAt(colon + 2) != '/'
                || colon == 0
                || !Chars.isAlnum(s.charAt(colon - 1))) {
            return Chars.NONE;
        }
        int from = colon + 3;
        int at = -1;
        int end = from;
        while (end < n && !endsAuthority(s.charAt(end))) {
            if (s.charAt(end) == '@') {
                at = end;
            }
            end++;
        }
        if (at <= from) {
            return Chars.NONE;
        }
        for (int j = from; j < at; j++) {
            if (s.charAt(j) == ':') {
                return j + 1 < at ? Chars.match(j + 1, at) : Chars.NONE;
            }
        }
        return Chars.match(from, at);
    }

    /** Whether the masked part was a password (after "user:") rather than a whole user part. */
    static boolean isPassword(String s, int start) {
        return s.charAt(start - 1) == ':';
    }

    private static boolean endsAuthority(char c) {
        return c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>'
                || c == '\\';
    }
}
