package io.gatewaylog.core.internal.sanitize;

/** OAuth 2.0 authorization codes in redirect URIs. */
final class OAuthCodes {
    private OAuthCodes() {}

    /**
     * An OAuth 2.0 authorization code in a redirect ({@code ?code=…&state=…}, RFC 6749 4.1.2): "code" is
     * too common a key to be sensitive anywhere ({@code status code=200}), but as a query parameter with a
     * long mixed value it is a one-time credential.
     */
    static long find(String s, int sep) {
        if (sep < 5 || !s.startsWith("code", sep - 4) || s.charAt(sep - 5) != '?' && s.charAt(sep - 5) != '&') {
            return Chars.NONE;
        }
        int end = sep + 1;
        boolean letter = false;
        boolean digit = false;
        while (end < s.length()
                && end - sep <= 512
                && (Chars.isTokenChar(s.charAt(end))
                        || s.charAt(end) == '.'
                        || s.charAt(end) == '~'
                        || s.charAt(end) == '/')) {
            letter |= Chars.isLetter(s.charAt(end));
            digit |= Chars.isDigit(s.charAt(end));
            end++;
        }
        ScanSteps.add(end - sep);
        return end - sep > 16 && letter && digit ? Chars.match(sep + 1, end) : Chars.NONE;
    }
}
