package io.gatewaylog.api.spi;

import java.util.Map;
import java.util.Set;

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
     * The providers this one replaces: when one of them is found as well, it does not compete (whatever its
     * priority) and the locator does not warn about several backends. For a provider that wraps or stands in
     * for another one, such as a backend that starts the core's later; genuinely competing backends are
     * still reported.
     *
     * @return the fully qualified class names of the replaced providers; none by default
     * @since 1.1
     */
    default Set<String> supersedes() {
        return Set.of();
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
