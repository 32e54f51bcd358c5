package io.gatewaylog.core.internal.sanitize;

/**
 * JSON web tokens of every legal compact shape (RFC 7515 JWS, RFC 7516 JWE): a header that is base64url
 * JSON and so starts with {@code eyJ} (or {@code eyAi}, {@code ewo} when the JSON starts with white space), then two parts (JWS: payload and a signature that may be empty,
 * as in {@code eyJhbGciOiJub25lIn0.e30.}) or four (JWE: an encrypted key that may be empty, the IV, the
 * ciphertext and the tag). The payload of a JWS is JSON too, so it starts with 'e' ({@code e30} is
 * {@code {}}); a JWE's second part may be anything, even empty.
 */
final class JsonWebTokens {
    /** {@code {"a":1}} is the shortest useful header: 10 characters of base64url. */
    private static final int MIN_HEADER = 10;

    private JsonWebTokens() {}

    /** A JWT starting at i, or {@link Chars#NONE}. */
    static long find(String s, int i, TokenRuns runs) {
        if (!mayStart(s, i)) {
            return Chars.NONE;
        }
        int n = s.length();
        int headerEnd = runs.end(TokenRuns.JWT_HEAD, i);
        if (headerEnd - i < MIN_HEADER
                || headerEnd >= n
                || s.charAt(headerEnd) != '.'
                || headerEnd == runs.failedJwtHeaderEnd) {
            // every "eyJ" inside one header run shares the parts after it: judged once
            return Chars.NONE;
        }
        long m = parts(s, i, headerEnd, runs);
        if (m == Chars.NONE) {
            runs.failedJwtHeaderEnd = headerEnd;
        }
        return m;
    }

    /**
     * The base64url starts of a JSON object: {@code {"} is "eyJ", {@code { "} "eyAi", {@code {\n} "ewo",
     * {@code {\r\n} "ew0K".
     */
    static boolean mayStart(String s, int i) {
        return s.startsWith("eyJ", i) || s.startsWith("eyAi", i) || s.startsWith("ewo", i) || s.startsWith("ew0K", i);
    }

    private static long parts(String s, int i, int headerEnd, TokenRuns runs) {
        int n = s.length();
        int p2 = headerEnd + 1;
        int p2End = runs.end(TokenRuns.TOKEN, p2);
        if (p2End >= n || s.charAt(p2End) != '.') {
            return Chars.NONE;
        }
        boolean jwsPayload = p2End - p2 >= 3 && s.charAt(p2) == 'e';
        int p3End = runs.end(TokenRuns.TOKEN, p2End + 1);
        // a JWE: two more parts, the last (the tag) never empty
        if (p3End + 1 < n && s.charAt(p3End) == '.') {
            int p4End = runs.end(TokenRuns.TOKEN, p3End + 1);
            if (p4End + 1 < n && s.charAt(p4End) == '.' && Chars.isTokenChar(s.charAt(p4End + 1))) {
                return Chars.match(i, runs.end(TokenRuns.TOKEN, p4End + 1));
            }
        }
        return jwsPayload ? Chars.match(i, p3End) : Chars.NONE;
    }
}
