package io.gatewaylog.api.spi;

/**
 * Creates a {@link LogSink}; found by the backend with {@link java.util.ServiceLoader}. A provider on the
 * class path is active with its defaults unless the setting {@code sink.<name>.enabled} is false.
 *
 * @since 1.0
 */
public interface LogSinkProvider {

    /**
     * The sink's name: used in settings ({@code sink.<name>.*}) and diagnostics.
     *
     * @return the name, e.g. {@code "file"}
     */
    String name();

    /**
     * Creates the sink from its settings.
     *
     * @param context the settings, encoders, reporter and statistics the backend gives
     * @return the sink, ready to write
     * @throws InvalidSettingException if one of its settings is invalid (start-up then fails)
     */
    LogSink create(SinkContext context);
}
