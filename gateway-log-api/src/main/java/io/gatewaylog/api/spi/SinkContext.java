package io.gatewaylog.api.spi;

/**
 * What the backend gives a {@link LogSinkProvider} to build its sink with.
 *
 * @since 1.0
 */
public interface SinkContext {

    /** The effective settings (defaults, file, environment, system properties, code). */
    Settings settings();

    /** The backend's JSON-lines encoder, producing exactly the documented record formats. */
    RecordEncoder encoder();

    /** Diagnostics of the logging system itself (stderr, never through a logger). */
    Reporter reporter();

    /** The backend's statistics (for sinks that publish them, such as the metrics sink). */
    LoggingStatistics statistics();
}
