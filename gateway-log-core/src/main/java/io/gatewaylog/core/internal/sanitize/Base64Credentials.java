package io.gatewaylog.core.internal.sanitize;

/**
 * Recognises HTTP Basic credentials written without their scheme word ({@code auth=dXNlcjpwYXNz}): the
 * value is base64 of printable text holding a ':' (RFC 7617 {@code user-id ":" password}). Used only to
 * choose the mask, so a wrong guess changes a label, never what is masked.
 */
final class Base64Credentials {
    private static final int MAX = 512;

    private Base64Credentials() {}

    static boolean isUserPassword(String s, int from, int to) {
        int len = to - from;
        if (len < 8 || len > MAX || len % 4 != 0) {
            return false;
        }
        boolean colon = false;
        int bits = 0;
        int acc = 0;
        for (int j = from; j < to; j++) {
            char c = s.charAt(j);
            if (c == '=') {
                break;
            }
            int v = value(c);
            if (v < 0) {
                return false;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                int b = (acc >> bits) & 0xff;
                if (b < 0x20 || b > 0x7e) {
                    return false;
                }
                colon |= b == ':';
            }
        }
        ScanSteps.add(len);
        return colon;
    }

    /** Decodes base64 s[from, to) into out (as far as it holds); returns the number of bytes written. */
    static int decode(String s, int from, int to, byte[] out) {
        int bits = 0;
        int acc = 0;
        int len = 0;
        for (int j = from; j < to && len < out.length; j++) {
            int v = value(s.charAt(j));
            if (v < 0) {
                break;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[len++] = (byte) (acc >> bits);
            }
        }
        return len;
    }

    private static int value(char c) {
        if (Chars.isUpper(c)) {
            return c - 'A';
        }
        if (Chars.isLower(c)) {
            return c - 'a' + 26;
        }
        if (Chars.isDigit(c)) {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }
}
