package io.gatewaylog.core.internal.logger;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogContext;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.RecordBuilder;
import io.gatewaylog.api.internal.NoOpRecordBuilder;
import java.util.Map;
import java.util.Objects;

/**
 * The core's logger. The level check is one volatile read and a comparison; an accepted call makes
 * one {@link LogRecord} that holds the caller's map (snapshotted only when it is mutable) and the
 * thread's context map, and hands it on. Metric records go to the metrics component.
 */
public final class CoreLogger implements GatewayLogger {
    private final LogComponent component;
    private final String name;
    private final RecordSubmitter submitter;
    private volatile Level level;
    private volatile int threshold;

    public CoreLogger(LogComponent component, String name, Level level, RecordSubmitter submitter) {
        this.component = component;
        this.name = name;
        this.submitter = submitter;
        setLevel(level);
    }

    @Override public LogComponent component() { return component; }
    @Override public String name() { return name; }
    @Override public Level level() { return level; }

    @Override
    public void setLevel(Level level) {
        this.level = Objects.requireNonNull(level, "level");
        this.threshold = level.ordinal();
    }

    @Override
    public boolean isEnabled(Level level) {
        return level != null && level.ordinal() >= threshold;
    }

    @Override
    public void log(Level level, String message, Map<String, ?> fields, Throwable cause) {
        if (level == null || level.ordinal() < threshold) {
            return;
        }
        Map<String, ?> snapshot = LogRecord.snapshot(fields);
        LogComponent target = LogRecord.isMetric(snapshot) ? LogComponent.METRICS : component;
        Thread t = Thread.currentThread();
        submitter.submit(LogRecord.create(System.currentTimeMillis(), level, target, name, message, snapshot,
                LogContext.current(), cause, t.getName(), t.getId()));
    }

    @Override
    public RecordBuilder at(Level level) {
        return isEnabled(level) ? new CoreRecordBuilder(this, level) : NoOpRecordBuilder.INSTANCE;
    }
}
