package io.gatewaylog.sink.file.internal.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The sealed line's last member, {@code ,"audit":{"seq":N,"prev":"<64 hex>","hash":"<64 hex>"}}, written
 * and parsed byte by byte from the line's end, so that a record field that happens to be called
 * {@code audit}, or to contain the same text, can never be mistaken for the seal.
 */
final class SealFormat {
    static final int HASH_BYTES = 32;
    static final int HEX_CHARS = HASH_BYTES * 2;
    static final byte[] ZERO_HASH = new byte[HASH_BYTES];
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] OPEN = ascii(",\"audit\":{\"seq\":");
    private static final byte[] PREV = ascii(",\"prev\":\"");
    private static final byte[] HASH = ascii("\",\"hash\":\"");
    private static final byte[] CLOSE = ascii("\"}}");
    /** A seal is at most this long (19 seq digits); a tail this long holding {@link #OPEN} "looks sealed". */
    private static final int MAX_SUFFIX =
            OPEN.length + 19 + PREV.length + HEX_CHARS + HASH.length + HEX_CHARS + CLOSE.length;

    /**
     * A parsed seal.
     *
     * @param seq the sequence number
     * @param prev the previous record's hash
     * @param hash this record's hash
     * @param contentLength the length of the content the hash covers (the line up to the seal)
     */
    record Seal(long seq, byte[] prev, byte[] hash, int contentLength) {}

    private SealFormat() {}

    /**
     * The length of the content to seal of a JSON object line {@code line[off, off + len)} (without its
     * {@code '\n'}): the line without its closing brace.
     *
     * @throws IllegalArgumentException if the bytes are not a non-empty JSON object ({@code {...}})
     */
    static int contentLength(byte[] line, int off, int len) {
        if (len < 3 || line[off] != '{' || line[off + len - 1] != '}') {
            throw new IllegalArgumentException("not a non-empty JSON object line: "
                    + new String(line, off, Math.min(len, 80), StandardCharsets.UTF_8));
        }
        return len - 1;
    }

    /** The bytes that follow the content: the seal member and the object's closing brace. */
    static byte[] suffix(long seq, byte[] prev, byte[] hash) {
        return (",\"audit\":{\"seq\":" + seq + ",\"prev\":\"" + HEX.formatHex(prev) + "\",\"hash\":\""
                        + HEX.formatHex(hash) + "\"}}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The seal ending {@code line[0, len)}, or null if the line does not end in a well-formed one. */
    static Seal parse(byte[] line, int len) {
        int hashStart = len - CLOSE.length - HEX_CHARS;
        int prevStart = hashStart - HASH.length - HEX_CHARS;
        int digitsEnd = prevStart - PREV.length;
        if (digitsEnd - 1 - OPEN.length < 0
                || !at(line, len - CLOSE.length, CLOSE)
                || !at(line, hashStart - HASH.length, HASH)
                || !at(line, digitsEnd, PREV)) {
            return null;
        }
        int digitsStart = digitsEnd;
        while (digitsStart > 0 && line[digitsStart - 1] >= '0' && line[digitsStart - 1] <= '9') {
            digitsStart--;
        }
        int digits = digitsEnd - digitsStart;
        int contentLength = digitsStart - OPEN.length;
        // Canonical numbers only (no leading zero, no overflow): one value, one spelling.
        if (digits == 0
                || digits > 18
                || line[digitsStart] == '0'
                || contentLength < 1
                || !at(line, contentLength, OPEN)) {
            return null;
        }
        byte[] prev = lowerHex(line, prevStart);
        byte[] hash = lowerHex(line, hashStart);
        if (prev == null || hash == null) {
            return null;
        }
        long seq = Long.parseLong(new String(line, digitsStart, digits, StandardCharsets.US_ASCII));
        return new Seal(seq, prev, hash, contentLength);
    }

    /** Whether the line's tail holds the start of a seal (so a line that does not parse was damaged). */
    static boolean looksSealed(byte[] line, int len) {
        for (int i = len - OPEN.length; i >= Math.max(0, len - MAX_SUFFIX); i--) {
            if (at(line, i, OPEN)) {
                return true;
            }
        }
        return false;
    }

    static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /** Lowercase only: an upper-case digit is the same number but not the bytes that were written. */
    private static byte[] lowerHex(byte[] line, int start) {
        for (int i = start; i < start + HEX_CHARS; i++) {
            byte b = line[i];
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f')) {
                return null;
            }
        }
        return HEX.parseHex(new String(line, start, HEX_CHARS, StandardCharsets.US_ASCII));
    }

    private static boolean at(byte[] line, int pos, byte[] text) {
        if (pos < 0 || pos + text.length > line.length) {
            return false;
        }
        for (int i = 0; i < text.length; i++) {
            if (line[pos + i] != text[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
