package io.gatewaylog.spring.internal;

import io.gatewaylog.api.spi.BackendProvider;
import io.gatewaylog.api.spi.LoggingBackend;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.core.CoreBackendProvider;
import java.util.Map;
import java.util.Set;

/**
 * Found by the API's {@code ServiceLoader} next to the core's provider, and chosen over it (a higher
 * priority): the backend it makes waits for Boot's Environment ({@link DeferredBackend}) and then starts the
 * core's. It supersedes the core's provider, so the API's locator does not take the two for competing backends.
 */
public final class DeferredBackendProvider implements BackendProvider {
    private static volatile DeferredBackend created;

    /** Called by {@link java.util.ServiceLoader}. */
    public DeferredBackendProvider() {}

    @Override
    public int priority() {
        return 200; // the core's is 100
    }

    @Override
    public Set<String> supersedes() {
        return Set.of(CoreBackendProvider.class.getName()); // it starts the core's backend itself, later
    }

    /** Settings in code ({@code GatewayLoggers.configure}) are kept and win over the Environment's. */
    @Override
    public LoggingBackend create(Map<String, String> settings) {
        DeferredBackend backend = new DeferredBackend(Map.copyOf(settings), Reporter.stderr());
        created = backend;
        return backend;
    }

    /** The backend this provider made for {@code GatewayLoggers}, or null if it made none. */
    static DeferredBackend created() {
        return created;
    }
}
