package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.Settings;
import java.time.Duration;

/**
 * The core's settings of one component, parsed and validated at start-up.
 *
 * @param bufferSize records per batch handed to the sinks
 * @param bufferMax the most records held before the overflow policy applies
 * @param bufferMaxBytes the most bytes (by {@code RecordSize}'s estimate) held before the overflow policy applies
 * @param sync write and flush each record on the caller's thread (auth's default)
 * @param syncTimeout how long a sync call retries when no sink takes its record, before it is dropped
 */
public record ComponentConfig(LogComponent component, Level level, int bufferSize, int bufferMax,
                              long bufferMaxBytes, Duration flushInterval, OverflowPolicy overflow, boolean sync,
                              Duration syncTimeout, boolean sanitize, int retentionDays) {
    static final long MIN_BUFFER_BYTES = 64L << 10;
    static final long MAX_BUFFER_BYTES = 1L << 40;
    static final Duration MAX_SYNC_TIMEOUT = Duration.ofMinutes(10);

    /** Parses and validates every core setting of {@code component}. */
    public static ComponentConfig parse(Settings root, LogComponent component) {
        Settings s = root.forComponent(component);
        String levelKey = "level";
        Level level;
        String rawLevel = s.get(levelKey).orElse("INFO");
        try {
            level = Level.parse(rawLevel);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key(s, component, levelKey), rawLevel, "TRACE, DEBUG, INFO, WARN or ERROR");
        }
        int bufferSize = s.getInt("buffer.size", 1000, 1, 10_000_000);
        int bufferMax = s.getInt("buffer.max", 10 * bufferSize, 1, 100_000_000);
        if (bufferMax < bufferSize) {
            throw new InvalidSettingException(key(s, component, "buffer.max"), String.valueOf(bufferMax),
                    "an integer at least buffer.size (" + bufferSize + ")");
        }
        long bufferMaxBytes = s.getSize("buffer.max.bytes", 64L << 20);
        if (bufferMaxBytes < MIN_BUFFER_BYTES || bufferMaxBytes > MAX_BUFFER_BYTES) {
            throw new InvalidSettingException(key(s, component, "buffer.max.bytes"),
                    s.get("buffer.max.bytes").orElse(""), "a size from 64KB to 1TB, such as 64MB");
        }
        Duration flush = s.getDuration("flush.interval", Duration.ofSeconds(1));
        if (flush.compareTo(Duration.ofMillis(1)) < 0 || flush.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidSettingException(key(s, component, "flush.interval"), s.get("flush.interval").orElse(""),
                    "a duration from 1ms to 1h");
        }
        OverflowPolicy overflow = s.getEnum("overflow", OverflowPolicy.class, OverflowPolicy.BLOCK);
        boolean sync = s.getBoolean("sync", false);
        Duration syncTimeout = s.getDuration("sync.timeout", Duration.ofSeconds(1));
        if (syncTimeout.compareTo(MAX_SYNC_TIMEOUT) > 0) {
            throw new InvalidSettingException(key(s, component, "sync.timeout"), s.get("sync.timeout").orElse(""),
                    "a duration from 0ms to 10m, such as 1s");
        }
        boolean sanitize = s.getBoolean("sanitize.enabled", true);
        int retention = s.getInt("retention.days", 30, 1, 36_500);
        return new ComponentConfig(component, level, bufferSize, bufferMax, bufferMaxBytes, flush, overflow, sync,
                syncTimeout, sanitize, retention);
    }

    private static String key(Settings s, LogComponent c, String key) {
        return s instanceof ComponentSettings cs ? cs.sourceKey(key) : key;
    }
}
