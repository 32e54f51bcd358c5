package io.gatewaylog.api.spi;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import java.time.Duration;

/**
 * A logging backend: makes loggers and owns the pipelines behind them. Created by a
 * {@link BackendProvider}; {@code gateway-log-core} is the standard one.
 *
 * @since 1.0
 */
public interface LoggingBackend {

    /**
     * The logger of {@code component} named {@code name}; the same instance for the same pair.
     *
     * @param component the component written to
     * @param name the logger's name
     * @return the logger
     */
    GatewayLogger logger(LogComponent component, String name);

    /**
     * Self-statistics of the pipelines and sinks.
     *
     * @return the live statistics
     */
    LoggingStatistics statistics();

    /**
     * Writes out everything buffered so far, waiting at most {@code timeout}.
     *
     * @param timeout the longest wait
     * @return true if all was written
     */
    boolean flush(Duration timeout);

    /**
     * Drains every buffer, flushes and closes the sinks, waiting at most {@code timeout}. Records logged
     * afterwards are counted as dropped. Idempotent.
     *
     * @param timeout the longest wait
     * @return true if everything buffered was written in time
     */
    boolean shutdown(Duration timeout);

    /**
     * Sets the level of every logger of {@code component}, those made so far and those made later, except
     * where a level set by name ({@link #setLevel(String, Level)}) applies. With null, the component's loggers
     * go back to the level the settings give it. A logger's own {@link GatewayLogger#setLevel} still changes
     * that logger alone, until the next call here that covers it.
     *
     * @param component the component
     * @param level the level, or null to go back to the settings' level
     * @return false if this backend cannot set levels this way (the default), true once applied
     * @since 1.1
     */
    default boolean setLevel(LogComponent component, Level level) {
        return false;
    }

    /**
     * Sets the level of every logger named {@code name} or below it, in any component, those made so far and
     * those made later: {@code com.acme} covers {@code com.acme}, {@code com.acme.X} and {@code com.acme$X},
     * not {@code com.acmeX}, as logger hierarchies match (a name ending in {@code .} covers what starts with
     * it). The longest name set wins over a shorter one and over the component's level. With null, the name's
     * level is removed and its loggers take the next that applies.
     *
     * @param name a logger name or name prefix, not blank
     * @param level the level, or null to remove it
     * @return false if this backend cannot set levels this way (the default), true once applied
     * @throws IllegalArgumentException if {@code name} is blank and this backend sets levels by name (the
     *     default, which sets none, returns false for any name)
     * @since 1.1
     */
    default boolean setLevel(String name, Level level) {
        return false;
    }
}
