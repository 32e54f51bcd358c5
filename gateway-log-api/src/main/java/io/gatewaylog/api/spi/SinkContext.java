package io.gatewaylog.api.spi;

/**
 * What the backend gives a {@link LogSinkProvider} to build its sink with.
 *
 * <p><b>Line formats.</b> A sink that writes lines reads its own format setting ({@code sink.<name>.format},
 * per component with {@code component.<id>.sink.<name>.format}), validates it (an unknown value is an
 * {@link InvalidSettingException} naming the key, the value and the allowed ones), and asks
 * {@link #encoder(String)} for each component's encoder; {@link RecordEncoder#byComponent} combines them
 * into one. The backend's formats are {@link #JSON} (the base and metrics formats of docs/ARCHITECTURE.md,
 * "Records and JSON"; {@link #encoder()}) and {@link #ECS} (Elastic Common Schema lines); every sink gets the
 * same encoder instances, so all of them write the same bytes for a record.
 *
 * @since 1.0
 */
public interface SinkContext {
    /**
     * The base and metrics format.
     *
     * @since 1.0
     */
    String JSON = "json";
    /**
     * Elastic Common Schema lines (the ECS logging specification).
     *
     * @since 1.0
     */
    String ECS = "ecs";

    /**
     * The effective settings (defaults, file, environment, system properties, code).
     *
     * @return the settings
     */
    Settings settings();

    /**
     * The backend's JSON-lines encoder, producing exactly the documented record formats.
     *
     * @return the {@link #JSON} encoder
     */
    RecordEncoder encoder();

    /**
     * The backend's encoder of a line format, {@link #JSON} or {@link #ECS} (case-insensitive).
     *
     * @param format {@link #JSON} or {@link #ECS}
     * @return the backend's shared encoder of that format
     * @throws IllegalArgumentException for a format this backend does not have
     * @since 1.0
     */
    default RecordEncoder encoder(String format) {
        if (JSON.equalsIgnoreCase(format.trim())) {
            return encoder();
        }
        throw new IllegalArgumentException("no encoder for line format '" + format + "'");
    }

    /**
     * Diagnostics of the logging system itself (stderr, never through a logger).
     *
     * @return the backend's reporter ({@link Reporter#stderr()} unless the application gave another)
     */
    Reporter reporter();

    /**
     * The backend's statistics (for sinks that publish them, such as the metrics sink).
     *
     * @return the live statistics
     */
    LoggingStatistics statistics();
}
