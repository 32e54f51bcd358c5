package io.gatewaylog.core.internal.json;

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

    private record Cached(long second, String prefix) {}

    private volatile Cached cached = new Cached(Long.MIN_VALUE, "");

    /** Writes the timestamp into {@code dst} (at least 24 chars) and returns its length; allocates nothing once per second. */
    public int format(long epochMillis, char[] dst) {
        long second = Math.floorDiv(epochMillis, 1000);
        int millis = Math.floorMod(epochMillis, 1000);
        Cached c = cached;
        if (c.second != second) {
            c = new Cached(second, SECONDS.format(Instant.ofEpochSecond(second)) + ".");
            cached = c;
        }
        int p = c.prefix.length();
        c.prefix.getChars(0, p, dst, 0);
        dst[p] = (char) ('0' + millis / 100);
        dst[p + 1] = (char) ('0' + (millis / 10) % 10);
        dst[p + 2] = (char) ('0' + millis % 10);
        dst[p + 3] = 'Z';
        return p + 4;
    }

    public String format(long epochMillis) {
        char[] out = new char[32];
        return new String(out, 0, format(epochMillis, out));
    }
}
