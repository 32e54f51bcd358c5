package io.gatewaylog.spring.internal;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.RecordBuilder;
import io.gatewaylog.api.internal.NoOpRecordBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A logger handed out before Boot's Environment exists (Spring asks for loggers, and asks whether TRACE is on,
 * in SpringApplication's constructor). Until gateway-log starts it answers for its provisional level (INFO,
 * or what was set on it or on the backend meanwhile), keeps what passes it, plain and fluent records alike,
 * for {@link DeferredBackend} to replay, and remembers a level set on it for the real logger; afterwards every
 * call goes to the real logger, for the price of one volatile read.
 */
final class DeferredLogger implements GatewayLogger {
    private final LogComponent component;
    private final String name;
    private final DeferredBackend backend;
    private volatile GatewayLogger delegate;
    private volatile Level level;
    private boolean explicit; // guarded by backend: setLevel was called on this logger before start-up

    DeferredLogger(LogComponent component, String name, DeferredBackend backend, Level provisional) {
        this.component = component;
        this.name = name;
        this.backend = backend;
        this.level = provisional;
    }

    /** Called once, under the backend's lock, when the real backend starts: takes the level set on this. */
    void bind(GatewayLogger real) {
        if (explicit) {
            real.setLevel(level);
        }
        delegate = real;
    }

    /** A level set on the backend before start-up that covers this logger; it replaces one set on it. */
    void provisional(Level provisional) {
        level = provisional;
        explicit = false;
    }

    @Override
    public LogComponent component() {
        return component;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Level level() {
        GatewayLogger d = delegate;
        return d != null ? d.level() : level;
    }

    @Override
    public void setLevel(Level level) {
        GatewayLogger d = delegate;
        if (d == null) {
            synchronized (backend) {
                d = delegate;
                if (d == null) {
                    this.level = Objects.requireNonNull(level, "level");
                    explicit = true;
                    return;
                }
            }
        }
        d.setLevel(level);
    }

    @Override
    public boolean isEnabled(Level level) {
        GatewayLogger d = delegate;
        return d != null ? d.isEnabled(level) : level != null && level.isAtLeast(this.level);
    }

    @Override
    public void log(Level level, String message, Map<String, ?> fields, Throwable cause) {
        GatewayLogger d = delegate;
        if (d != null) {
            d.log(level, message, fields, cause);
        } else if (level != null && level.isAtLeast(this.level)) {
            backend.keep(this, level, message, fields, cause);
        }
    }

    @Override
    public RecordBuilder at(Level level) {
        GatewayLogger d = delegate;
        if (d != null) {
            return d.at(level);
        }
        return isEnabled(level) ? new EarlyBuilder(level) : NoOpRecordBuilder.INSTANCE;
    }

    /** Collects a fluent record before start-up; it is then kept and replayed as a plain one. */
    private final class EarlyBuilder implements RecordBuilder {
        private final Level level;
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private Throwable cause;

        EarlyBuilder(Level level) {
            this.level = level;
        }

        @Override
        public RecordBuilder field(String key, Object value) {
            fields.put(key, value);
            return this;
        }

        @Override
        public RecordBuilder fields(Map<String, ?> more) {
            if (more != null) {
                fields.putAll(more);
            }
            return this;
        }

        @Override
        public RecordBuilder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        @Override
        public void log(String message) {
            DeferredLogger.this.log(level, message, fields.isEmpty() ? null : fields, cause);
        }
    }
}
