package io.gatewaylog.api;

import io.gatewaylog.api.internal.ApiAccess;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One immutable log record, as handed to sinks. Sinks receive records that have already been
 * sanitized (unless sanitization is switched off for the component).
 *
 * <p>{@link #fields()} and {@link #context()} are unmodifiable and keep the caller's order where the
 * caller's map had one; both may hold null values. Immutable maps ({@link Fields}, the JDK's {@code Map.of})
 * are kept as they are; any other map is copied when it is handed over.
 *
 * @since 1.0
 */
public final class LogRecord {
    static {
        // The backend's hooks (record, toBuilder, error, ...) are reached through the internal accessor.
        ApiAccess.install(new ApiHooks());
    }

    /** Field key that, with {@link #METRIC_VALUE}, makes a record a metric record. */
    public static final String METRIC_NAME = "metric_name";
    /** Field key of a metric record's value. */
    public static final String METRIC_VALUE = "metric_value";
    /** Field key of a metric record's unit (optional). */
    public static final String METRIC_UNIT = "metric_unit";
    /** Field key of a metric record's meter type (optional): gauge, counter, timer or distribution. */
    public static final String METRIC_TYPE = "metric_type";

    private final long epochMillis;
    private final Level level;
    private final LogComponent component;
    private final String logger;
    private final String message;
    private final Map<String, Object> fields;
    private final Map<String, String> context;
    private final Throwable cause;
    private final String threadName;
    private final long threadId;
    // Captured at the call by the core's loggers (so later changes to the throwable change nothing), derived
    // from cause on first use for records built otherwise, or set by a sanitizer.
    private volatile ErrorInfo error;

    // Package-private for ApiHooks, whose hot-path factory makes a record in this one allocation.
    LogRecord(
            long epochMillis,
            Level level,
            LogComponent component,
            String logger,
            String message,
            Map<String, Object> fields,
            Map<String, String> context,
            Throwable cause,
            ErrorInfo error,
            String threadName,
            long threadId) {
        this.epochMillis = epochMillis;
        this.level = Objects.requireNonNull(level, "level");
        this.component = Objects.requireNonNull(component, "component");
        this.logger = logger == null ? "" : logger;
        this.message = message;
        this.fields = fields == null ? Map.of() : fields;
        this.context = context == null ? Map.of() : context;
        this.cause = cause;
        this.error = error;
        this.threadName = threadName == null ? "" : threadName;
        this.threadId = threadId;
    }

    /** A builder stamped with the current time and thread. */
    public static Builder builder(Level level, LogComponent component, String logger) {
        Thread t = Thread.currentThread();
        return new Builder()
                .epochMillis(System.currentTimeMillis())
                .level(level)
                .component(component)
                .logger(logger)
                .thread(t.getName(), t.getId());
    }

    /** An empty builder (no time, no thread). */
    public static Builder builder() {
        return new Builder();
    }

    /** Milliseconds since the epoch (UTC) when the record was made. */
    public long epochMillis() {
        return epochMillis;
    }

    /** {@link #epochMillis()} as an instant. */
    public Instant timestamp() {
        return Instant.ofEpochMilli(epochMillis);
    }

    /** The record's level. */
    public Level level() {
        return level;
    }

    /** The component the record is written to (METRICS for a metric record). */
    public LogComponent component() {
        return component;
    }

    /** The logger's name; never null. */
    public String logger() {
        return logger;
    }

    /** The message; may be null. */
    public String message() {
        return message;
    }

    /** The record's own fields, unmodifiable; never null. */
    public Map<String, Object> fields() {
        return fields;
    }

    /** Context fields bound to the thread when the record was made (and {@code asset_id}); never null. */
    public Map<String, String> context() {
        return context;
    }

    /** The live throwable passed by the caller, or null: neither sanitized nor fixed; sinks write {@link #error()}. */
    public Throwable cause() {
        return cause;
    }

    /** The error as written: type, message and stack of {@link #cause()}, or a sanitized form; or null. */
    public ErrorInfo error() {
        ErrorInfo e = error;
        if (e == null && cause != null) {
            e = ErrorInfo.of(cause);
            error = e;
        }
        return e;
    }

    /** The error as set, for {@link RecordDraft#copyFrom}: null until first asked for, if it comes from the cause. */
    ErrorInfo errorAsSet() {
        return error;
    }

    /** The name of the thread that made the record; never null. */
    public String threadName() {
        return threadName;
    }

    /** The id of the thread that made the record. */
    public long threadId() {
        return threadId;
    }

    /** Whether the fields hold {@code metric_name} and {@code metric_value}. */
    public boolean isMetric() {
        return isMetric(fields);
    }

    /** Whether {@code fields} make a metric record. */
    public static boolean isMetric(Map<String, ?> fields) {
        return fields != null
                && !fields.isEmpty()
                && fields.containsKey(METRIC_NAME)
                && fields.containsKey(METRIC_VALUE);
    }

    @Override
    public String toString() {
        return "LogRecord[" + timestamp() + " " + level + " " + component.id() + " " + logger + ": " + message + " "
                + fields + (context.isEmpty() ? "" : " ctx=" + context) + "]";
    }

    /**
     * Builds a {@link LogRecord}. Not thread-safe.
     *
     * @since 1.0
     */
    public static final class Builder extends RecordDraft {
        private Builder() {}

        /** Sets the time, in milliseconds since the epoch (UTC). */
        public Builder epochMillis(long epochMillis) {
            this.epochMillis = epochMillis;
            return this;
        }

        /** Sets the level (default INFO). */
        public Builder level(Level level) {
            this.level = level;
            return this;
        }

        /** Sets the component (default SYSTEM). */
        public Builder component(LogComponent component) {
            this.component = component;
            return this;
        }

        /** Sets the logger's name (null is written as empty). */
        public Builder logger(String logger) {
            this.logger = logger;
            return this;
        }

        /** Sets the message; may be null. */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** Sets the fields: an unmodifiable copy, as the type's documentation says (immutable maps are kept). */
        public Builder fields(Map<String, ?> fields) {
            this.fields = Snapshots.of(fields);
            return this;
        }

        /** Sets the context, copied as {@link #fields(Map)} copies the fields. */
        public Builder context(Map<String, String> context) {
            this.context = Snapshots.of(context);
            return this;
        }

        /** Sets the throwable; its error as written is taken from it when first asked for. */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            this.error = null;
            return this;
        }

        /** Sets the thread's name and id. */
        public Builder thread(String name, long id) {
            this.threadName = name;
            this.threadId = id;
            return this;
        }

        /** A record of the values set so far. */
        public LogRecord build() {
            return toRecord();
        }
    }
}
