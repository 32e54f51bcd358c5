package io.gatewaylog.api.spi;

import io.gatewaylog.api.GatewayLogger;
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
}
