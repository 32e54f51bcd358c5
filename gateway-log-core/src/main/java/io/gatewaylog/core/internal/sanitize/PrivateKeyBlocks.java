package io.gatewaylog.core.internal.sanitize;

/**
 * Private-key blocks, whole: PEM and OpenSSH ({@code -----BEGIN RSA PRIVATE KEY-----}, {@code -----BEGIN
 * OPENSSH PRIVATE KEY-----}, {@code -----BEGIN PGP PRIVATE KEY BLOCK-----}, RFC 7468), SSH2 / RFC 4716
 * ({@code ---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----}) and PuTTY key files ({@code PuTTY-User-Key-File-3:
 * …} to its {@code Private-MAC:} line). A block cut off before its end is masked to the end of the text.
 * The label after BEGIN is looked for only up to the end of its line, so a text of many
 * {@code -----BEGIN } costs one read of each label.
 */
final class PrivateKeyBlocks {
    private static final String PEM_BEGIN = "-----BEGIN ";
    private static final String PEM_END = "-----END ";
    private static final String SSH2_BEGIN = "---- BEGIN SSH2 ";
    private static final String SSH2_END = "---- END SSH2 ";
    private static final String PUTTY = "PuTTY-User-Key-File-";
    private static final String PUTTY_MAC = "Private-MAC: ";
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final String BASE64_BEGIN = "LS0tLS1CRUdJTi";
    private static final int MAX_LABEL = 64;

    private PrivateKeyBlocks() {}

    /** At a '-': a PEM or SSH2 private-key block, or {@link Chars#NONE}. */
    static long find(String s, int i) {
        if (s.startsWith(PEM_BEGIN, i)) {
            return block(s, i, i + PEM_BEGIN.length(), PEM_END, "-----");
        }
        if (s.startsWith(SSH2_BEGIN, i)) {
            return block(s, i, i + SSH2_BEGIN.length(), SSH2_END, "----");
        }
        return Chars.NONE;
    }

    /** At a 'P': a PuTTY key file, or {@link Chars#NONE}. */
    static long putty(String s, int i) {
        if (!s.startsWith(PUTTY, i)) {
            return Chars.NONE;
        }
        int mac = s.indexOf(PUTTY_MAC, i);
        if (mac < 0) {
            return Chars.match(i, s.length());
        }
        int end = Chars.alnumEnd(s, mac + PUTTY_MAC.length());
        ScanSteps.add(end - i);
        return Chars.match(i, end);
    }

    /**
     * A PEM block encoded once more in base64, as Kubernetes secrets and environment variables carry
     * them ({@code LS0tLS1CRUdJTi…} is "-----BEGIN "): masked whole when its label says PRIVATE KEY
     * (a certificate is public and is kept).
     */
    static long base64(String s, int i) {
        if (!s.startsWith(BASE64_BEGIN, i)) {
            return Chars.NONE;
        }
        int n = s.length();
        int end = i;
        while (end < n && (Chars.isBase64(s.charAt(end)) || s.charAt(end) == '=')) {
            end++;
        }
        ScanSteps.add(end - i);
        byte[] head = new byte[48];
        int len = Base64Credentials.decode(s, i, Math.min(end, i + 64), head);
        String label = new String(head, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        int eol = label.indexOf('\n');
        return label.substring(0, eol < 0 ? len : eol).contains(PRIVATE_KEY) ? Chars.match(i, end) : Chars.NONE;
    }

    private static long block(String s, int i, int label, String endMarker, String dashes) {
        if (!labelSaysPrivateKey(s, label)) {
            return Chars.NONE;
        }
        int endLine = s.indexOf(endMarker, label);
        if (endLine < 0) {
            ScanSteps.add(s.length() - i);
            return Chars.match(i, s.length());
        }
        int close = s.indexOf(dashes, endLine + endMarker.length());
        int end = close < 0 ? s.length() : close + dashes.length();
        ScanSteps.add(end - i);
        return Chars.match(i, end);
    }

    /** The label (capitals, digits and spaces up to the closing dashes) contains "PRIVATE KEY". */
    private static boolean labelSaysPrivateKey(String s, int from) {
        int n = s.length();
        int j = from;
        while (j < n
                && j - from < MAX_LABEL
                && (Chars.isUpper(s.charAt(j)) || Chars.isDigit(s.charAt(j)) || s.charAt(j) == ' ')) {
            j++;
        }
        ScanSteps.add(j - from);
        for (int k = from; k + PRIVATE_KEY.length() <= j; k++) {
            if (s.startsWith(PRIVATE_KEY, k)) {
                return true;
            }
        }
        return false;
    }
}
