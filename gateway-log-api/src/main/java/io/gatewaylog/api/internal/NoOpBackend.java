package io.gatewaylog.api.internal;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.RecordBuilder;
import io.gatewaylog.api.spi.LoggingBackend;
import io.gatewaylog.api.spi.LoggingStatistics;
import java.time.Duration;
import java.util.Map;

/** The backend used when none is on the class path: loggers work and discard everything. */
public final class NoOpBackend implements LoggingBackend {

    @Override
    public GatewayLogger logger(LogComponent component, String name) {
        return new NoOpLogger(component, name);
    }

    @Override
    public LoggingStatistics statistics() {
        return LoggingStatistics.empty();
    }

    @Override
    public boolean flush(Duration timeout) {
        return true;
    }

    @Override
    public boolean shutdown(Duration timeout) {
        return true;
    }

    private record NoOpLogger(LogComponent component, String name) implements GatewayLogger {
        @Override
        public Level level() {
            return Level.ERROR;
        }

        @Override
        public void setLevel(Level level) {}

        @Override
        public boolean isEnabled(Level level) {
            return false;
        }

        @Override
        public void log(Level level, String message, Map<String, ?> fields, Throwable cause) {}

        @Override
        public RecordBuilder at(Level level) {
            return NoOpRecordBuilder.INSTANCE;
        }
    }
}
