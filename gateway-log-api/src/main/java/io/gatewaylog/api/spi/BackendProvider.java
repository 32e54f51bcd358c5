package io.gatewaylog.api.spi;

import java.util.Map;

/**
 * Creates the {@link LoggingBackend}; found with {@link java.util.ServiceLoader} (register the class in
 * {@code META-INF/services/io.gatewaylog.api.spi.BackendProvider} and, on the module path, with
 * {@code provides}). The system property {@code gateway.log.backend} may name the provider class to use.
 *
 * @since 1.0
 */
public interface BackendProvider {

    /**
     * When several providers are present, the highest priority wins (ties: the first found).
     *
     * @return this provider's priority; 0 by default
     */
    default int priority() {
        return 0;
    }

    /**
     * Creates and starts the backend.
     *
     * @param settings settings given in code ({@code GatewayLoggers.configure}); highest precedence
     * @return the started backend
     * @throws InvalidSettingException if a setting is invalid
     */
    LoggingBackend create(Map<String, String> settings);
}
