package io.gatewaylog.spring.internal;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.RecordBuilder;
import io.gatewaylog.api.internal.NoOpRecordBuilder;
import java.util.Map;

/**
 * A logger handed out before Boot's Environment exists (Spring asks for loggers, and asks whether TRACE is on,
 * in SpringApplication's constructor). Until gateway-log starts it answers for INFO and above and keeps
 * what is logged for {@link DeferredBackend} to replay; afterwards every call goes to the real logger, for the
 * price of one volatile read.
 */
final class DeferredLogger implements GatewayLogger {
    private final LogComponent component;
    private final String name;
    private final DeferredBackend backend;
    private volatile GatewayLogger delegate;

    DeferredLogger(LogComponent component, String name, DeferredBackend backend) {
        this.component = component;
        this.name = name;
        this.backend = backend;
    }

    /** Called once, when the real backend starts. */
    void bind(GatewayLogger real) {
        delegate = real;
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
        return d != null ? d.level() : Level.INFO;
    }

    @Override
    public void setLevel(Level level) {
        GatewayLogger d = delegate;
        if (d != null) {
            d.setLevel(level);
        }
    }

    @Override
    public boolean isEnabled(Level level) {
        GatewayLogger d = delegate;
        return d != null ? d.isEnabled(level) : level != null && level.isAtLeast(Level.INFO);
    }

    @Override
    public void log(Level level, String message, Map<String, ?> fields, Throwable cause) {
        GatewayLogger d = delegate;
        if (d != null) {
            d.log(level, message, fields, cause);
        } else if (level != null && level.isAtLeast(Level.INFO)) {
            backend.keep(this, level, message, fields, cause);
        }
    }

    @Override
    public RecordBuilder at(Level level) {
        GatewayLogger d = delegate;
        // the fluent form before start-up is not kept: Spring and Boot use it nowhere that early
        return d != null ? d.at(level) : NoOpRecordBuilder.INSTANCE;
    }
}
