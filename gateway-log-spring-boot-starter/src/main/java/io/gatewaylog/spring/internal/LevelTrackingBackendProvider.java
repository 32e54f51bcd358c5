package io.gatewaylog.spring.internal;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.BackendProvider;
import io.gatewaylog.api.spi.LoggingBackend;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.core.CoreBackendProvider;
import java.time.Duration;
import java.util.Map;

/**
 * The core's backend, with every logger it hands out reported to {@link LevelControl}: the only way, through
 * the public SPI, to know all loggers of a component when {@code /actuator/loggers} changes its level. The
 * logging system names this class in {@code gateway.log.backend} while it binds gateway-log, so it is not a
 * {@code ServiceLoader} provider (two providers would make every application print a "several backends" warning).
 */
public final class LevelTrackingBackendProvider implements BackendProvider {

    /** Called by the API's backend locator. */
    public LevelTrackingBackendProvider() {}

    @Override
    public LoggingBackend create(Map<String, String> settings) {
        return new Tracking(new CoreBackendProvider().create(settings), LevelControl.instance());
    }

    /** Delegates everything; the extra work per {@code logger(...)} call is one map lookup, none per log call. */
    private record Tracking(LoggingBackend delegate, LevelControl levels) implements LoggingBackend {
        @Override
        public GatewayLogger logger(LogComponent component, String name) {
            GatewayLogger l = delegate.logger(component, name);
            levels.track(l);
            return l;
        }

        @Override
        public LoggingStatistics statistics() {
            return delegate.statistics();
        }

        @Override
        public boolean flush(Duration timeout) {
            return delegate.flush(timeout);
        }

        @Override
        public boolean shutdown(Duration timeout) {
            return delegate.shutdown(timeout);
        }
    }
}
