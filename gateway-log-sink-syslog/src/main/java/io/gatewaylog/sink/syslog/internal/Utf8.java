package io.gatewaylog.sink.syslog.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** UTF-8 helpers for cutting messages without splitting a character. */
final class Utf8 {
    private Utf8() {}

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The longest prefix of {@code bytes} of at most {@code max} bytes that ends on a character boundary
     * (a cut never lands before a continuation byte {@code 10xxxxxx}).
     */
    static byte[] cut(byte[] bytes, int max) {
        if (bytes.length <= max) {
            return bytes;
        }
        int end = Math.max(0, max);
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }

    /** {@code s} with CR and LF written as rsyslog's {@code #015} and {@code #012}. */
    static String escapeNewlines(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r", "#015").replace("\n", "#012");
    }
}
