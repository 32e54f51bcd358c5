package io.gatewaylog.core;

import io.gatewaylog.api.spi.BackendProvider;
import io.gatewaylog.api.spi.LoggingBackend;
import java.util.Map;

/**
 * Registers {@link GatewayLogBackend} with {@link java.util.ServiceLoader}, so that adding
 * {@code gateway-log-core} to the class path is all it takes.
 *
 * @since 1.0
 */
public final class CoreBackendProvider implements BackendProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public CoreBackendProvider() {}

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public LoggingBackend create(Map<String, String> settings) {
        return GatewayLogBackend.builder().settings(settings).build();
    }
}
