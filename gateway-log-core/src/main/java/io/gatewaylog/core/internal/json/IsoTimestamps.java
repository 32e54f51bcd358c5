package io.gatewaylog.core.internal.json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats epoch millis as {@code 2024-01-01T12:00:00.000Z}. The part up to the seconds is cached per
 * second, so the common case appends three digits to a cached prefix.
 */
public final class IsoTimestamps {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private record Cached(long second, byte[] prefix) {}

    private volatile Cached cached = new Cached(Long.MIN_VALUE, new byte[0]);

    /**
     * Writes the timestamp as ASCII into {@code dst} (at least 24 bytes) and returns its length; allocates
     * nothing but once per second.
     */
    public int format(long epochMillis, byte[] dst) {
        long second = Math.floorDiv(epochMillis, 1000);
        int millis = Math.floorMod(epochMillis, 1000);
        Cached c = cached;
        if (c.second != second) {
            String prefix = SECONDS.format(Instant.ofEpochSecond(second)) + ".";
            c = new Cached(second, prefix.getBytes(StandardCharsets.US_ASCII));
            cached = c;
        }
        int p = c.prefix.length;
        System.arraycopy(c.prefix, 0, dst, 0, p);
        dst[p] = (byte) ('0' + millis / 100);
        dst[p + 1] = (byte) ('0' + (millis / 10) % 10);
        dst[p + 2] = (byte) ('0' + millis % 10);
        dst[p + 3] = 'Z';
        return p + 4;
    }

    public String format(long epochMillis) {
        byte[] out = new byte[32];
        return new String(out, 0, format(epochMillis, out), StandardCharsets.US_ASCII);
    }
}
