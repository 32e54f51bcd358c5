package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.Settings;
import java.time.Duration;

/**
 * The core's settings of one component, parsed and validated at start-up (keys and defaults:
 * {@link CoreSettings}). Retention's days are {@code RetentionSettings}'.
 *
 * @param bufferSize records per batch handed to the sinks
 * @param bufferMax the most records held before the overflow policy applies
 * @param bufferMaxBytes the most bytes (by {@code RecordSize}'s estimate) held before the overflow policy applies
 * @param sync write and flush each record on the caller's thread (auth's default)
 * @param syncTimeout how long a sync call retries when no sink takes its record, before it is dropped
 */
public record ComponentConfig(
        LogComponent component,
        Level level,
        int bufferSize,
        int bufferMax,
        long bufferMaxBytes,
        Duration flushInterval,
        OverflowPolicy overflow,
        boolean sync,
        Duration syncTimeout,
        boolean sanitize) {

    /** Parses and validates every core setting of {@code component}. */
    public static ComponentConfig parse(Settings root, LogComponent component) {
        Settings s = root.forComponent(component);
        int bufferSize = s.get(CoreSettings.BUFFER_SIZE);
        int bufferMax = s.get(CoreSettings.BUFFER_MAX);
        if (bufferMax < bufferSize) {
            throw new InvalidSettingException(
                    s.keyAsSet(CoreSettings.BUFFER_MAX.name()),
                    String.valueOf(bufferMax),
                    "an integer at least buffer.size (" + bufferSize + ")");
        }
        s.get(CoreSettings.RETENTION_DAYS); // validated with the rest; RetentionSettings uses it
        return new ComponentConfig(
                component,
                s.get(CoreSettings.LEVEL),
                bufferSize,
                bufferMax,
                s.get(CoreSettings.BUFFER_MAX_BYTES),
                s.get(CoreSettings.FLUSH_INTERVAL),
                s.get(CoreSettings.OVERFLOW),
                s.get(CoreSettings.SYNC),
                s.get(CoreSettings.SYNC_TIMEOUT),
                s.get(CoreSettings.SANITIZE_ENABLED));
    }
}
