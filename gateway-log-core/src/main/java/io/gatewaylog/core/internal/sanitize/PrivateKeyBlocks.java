package io.gatewaylog.core.internal.sanitize;

/**
 * PEM private-key blocks ({@code -----BEGIN RSA PRIVATE KEY-----} … {@code -----END … -----}), whole;
 * a block cut off before its END line is masked to the end of the text.
 */
final class PrivateKeyBlocks {
    private static final String BEGIN = "-----BEGIN ";
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final String END = "-----END ";

    private PrivateKeyBlocks() {
    }

    static long find(String s, int i) {
        if (!s.startsWith(BEGIN, i)) {
            return Chars.NONE;
        }
        int label = s.indexOf(PRIVATE_KEY, i + BEGIN.length());
        if (label < 0 || label - i > 64) {
            return Chars.NONE;
        }
        int endLine = s.indexOf(END, label + PRIVATE_KEY.length());
        if (endLine < 0) {
            return Chars.match(i, s.length());
        }
        int close = s.indexOf("-----", endLine + END.length());
        return Chars.match(i, close < 0 ? s.length() : close + 5);
    }
}
