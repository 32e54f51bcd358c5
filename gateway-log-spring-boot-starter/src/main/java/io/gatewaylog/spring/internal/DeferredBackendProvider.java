package io.gatewaylog.spring.internal;

import io.gatewaylog.api.spi.BackendProvider;
import io.gatewaylog.api.spi.LoggingBackend;
import java.util.Map;

/**
 * Found by the API's {@code ServiceLoader} next to the core's provider, and chosen over it (a higher
 * priority): the backend it makes waits for Boot's Environment ({@link DeferredBackend}).
 */
public final class DeferredBackendProvider implements BackendProvider {
    private static volatile DeferredBackend created;

    /** Called by {@link java.util.ServiceLoader}. */
    public DeferredBackendProvider() {}

    @Override
    public int priority() {
        return 200; // the core's is 100
    }

    /** Settings in code ({@code GatewayLoggers.configure}) are kept and win over the Environment's. */
    @Override
    public LoggingBackend create(Map<String, String> settings) {
        DeferredBackend backend = new DeferredBackend(Map.copyOf(settings));
        created = backend;
        return backend;
    }

    /** The backend this provider made for {@code GatewayLoggers}, or null if it made none. */
    static DeferredBackend created() {
        return created;
    }
}
