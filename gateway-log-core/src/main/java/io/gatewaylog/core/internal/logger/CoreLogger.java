package io.gatewaylog.core.internal.logger;

import io.gatewaylog.api.ErrorInfo;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogContext;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.RecordBuilder;
import io.gatewaylog.api.internal.ApiAccess;
import io.gatewaylog.api.internal.Failures;
import io.gatewaylog.api.internal.NoOpRecordBuilder;
import io.gatewaylog.api.spi.Reporter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The core's logger. The level check is one volatile read and a comparison. An accepted call fixes the
 * record's content before it returns: field values are rendered into immutable values
 * ({@link ValueRenderer}; immutable ones are kept, so the usual call copies nothing), the throwable into
 * an {@link ErrorInfo}, and the thread's context map is already immutable; then the record is handed on
 * (metric records to the metrics component).
 *
 * <p>A log call never throws: whatever fails while the record is built (a value's rendering failing is
 * already a marker in its place; this is for the rest, a {@code StackOverflowError} of a caller near the end
 * of its stack included) is replaced by a record that says so, and whatever fails while it is handed on is
 * reported on stderr (the first time, then at every power of two). Only {@code ThreadDeath} is let through
 * ({@link Failures}).
 */
public final class CoreLogger implements GatewayLogger {
    private static final AtomicLong FAILURES = new AtomicLong();

    private final LogComponent component;
    private final String name;
    private final RecordSubmitter submitter;
    private final Reporter reporter;
    private volatile Level level;
    private volatile int threshold;

    public CoreLogger(LogComponent component, String name, Level level, RecordSubmitter submitter) {
        this(component, name, level, submitter, Reporter.stderr());
    }

    public CoreLogger(LogComponent component, String name, Level level, RecordSubmitter submitter, Reporter reporter) {
        this.component = component;
        this.name = name;
        this.submitter = submitter;
        this.reporter = reporter;
        setLevel(level);
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
        return level;
    }

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
        LogRecord record;
        try {
            record = build(level, message, fields, cause);
        } catch (Throwable t) {
            Failures.rethrowIfFatal(t);
            record = withheld(level, t);
            if (record == null) {
                return;
            }
        }
        try {
            submitter.submit(record);
        } catch (Throwable t) {
            Failures.rethrowIfFatal(t);
            failed("a record could not be handed to the " + record.component().id() + " pipeline", t);
        }
    }

    private LogRecord build(Level level, String message, Map<String, ?> fields, Throwable cause) {
        Map<String, Object> rendered = ValueRenderer.fields(fields);
        LogComponent target = LogRecord.isMetric(rendered) ? LogComponent.METRICS : component;
        ErrorInfo error = cause == null ? null : ErrorInfo.of(cause);
        Thread t = Thread.currentThread();
        return ApiAccess.record(
                System.currentTimeMillis(),
                level,
                target,
                name,
                message,
                rendered,
                LogContext.current(),
                cause,
                error,
                t.getName(),
                t.getId());
    }

    /** The record that says this call's record could not be built; null if even that fails. */
    private LogRecord withheld(Level level, Throwable failure) {
        try {
            failed("a record of " + component.id() + " could not be built; written without its content", failure);
            Thread t = Thread.currentThread();
            return ApiAccess.record(
                    System.currentTimeMillis(),
                    level,
                    component,
                    name,
                    "[withheld: the log call failed: " + failure.getClass().getName() + "]",
                    Map.of(),
                    LogContext.current(),
                    null,
                    null,
                    t.getName(),
                    t.getId());
        } catch (Throwable again) {
            Failures.rethrowIfFatal(again);
            return null;
        }
    }

    /** Reports on stderr: the first failure, then at every power of two, never calling into the failure. */
    private void failed(String what, Throwable t) {
        try {
            long n = FAILURES.incrementAndGet();
            if ((n & (n - 1)) == 0) {
                reporter.warn(what + ": " + t.getClass().getName() + " (" + n + " log call failure"
                        + (n == 1 ? "" : "s") + " so far)");
            }
        } catch (Throwable again) {
            Failures.rethrowIfFatal(again);
        }
    }

    @Override
    public RecordBuilder at(Level level) {
        return isEnabled(level) ? new CoreRecordBuilder(this, level) : NoOpRecordBuilder.INSTANCE;
    }
}
