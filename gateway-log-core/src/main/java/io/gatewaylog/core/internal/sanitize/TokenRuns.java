package io.gatewaylog.core.internal.sanitize;

/**
 * The end of a run of token characters, remembered for one scan. Token formats (JWTs, vendor keys) are
 * tried at every word start, and a run such as {@code eyJ-eyJ-eyJ-…} or {@code glpat-glpat-…} holds a
 * word start every few characters: reading the run to its end from each of them would cost the square
 * of its length. A run read once from p to its end e ends at e for every start inside [p, e), so each
 * character class keeps the last run it read and answers from it.
 *
 * <p>One instance per scan, made only when a token trigger first fires; not thread-safe.
 */
final class TokenRuns {
    /** Letters and digits. */
    static final int ALNUM = 0;
    /** Letters, digits, '_' and '-' (base64url). */
    static final int TOKEN = 1;
    /** Hexadecimal digits. */
    static final int HEX = 2;
    /** Standard base64 with padding: letters, digits, '+', '/', '='. */
    static final int BASE64 = 3;
    /** Token characters and '.' and '=' (SendGrid keys, GitLab tokens, Vault tokens). */
    static final int DOTTED = 4;
    /** The first part of a JWT: kept apart from {@link #TOKEN} so that its later parts do not evict it. */
    static final int JWT_HEAD = 5;

    private static final int CLASSES = 6;

    /** The end of the last JWT header whose parts did not make a token (see {@link JsonWebTokens}). */
    int failedJwtHeaderEnd = -1;
    /** The format of the last vendor token found (see {@link VendorTokens#find}). */
    TokenFormat found;

    private final String s;
    private final int[] from = new int[CLASSES];
    private final int[] to = new int[CLASSES];

    TokenRuns(String s) {
        this.s = s;
        for (int c = 0; c < CLASSES; c++) {
            from[c] = -1;
            to[c] = -1;
        }
    }

    /** Index of the first character at or after p that is not of class {@code cls}. */
    int end(int cls, int p) {
        if (p >= from[cls] && p < to[cls]) {
            return to[cls];
        }
        int n = s.length();
        int e = p;
        while (e < n && in(cls, s.charAt(e))) {
            e++;
        }
        ScanSteps.add(e - p);
        if (e > p) {
            from[cls] = p;
            to[cls] = e;
        }
        return e;
    }

    static boolean in(int cls, char c) {
        switch (cls) {
            case ALNUM:
                return Chars.isAlnum(c);
            case HEX:
                return Chars.isHex(c);
            case BASE64:
                return Chars.isBase64(c) || c == '=';
            case DOTTED:
                return Chars.isTokenChar(c) || c == '.' || c == '=';
            default:
                return Chars.isTokenChar(c);
        }
    }
}
