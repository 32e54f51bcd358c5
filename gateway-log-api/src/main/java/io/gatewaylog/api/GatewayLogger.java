package io.gatewaylog.api;

import java.util.Map;

/**
 * A logger of one component. Obtain one from {@link GatewayLoggers}; loggers are thread-safe and cheap
 * to keep in a static field.
 *
 * <p>A call below the logger's level costs one comparison and allocates nothing. An accepted call
 * fixes the record's content before it returns: the message, the field values rendered into immutable
 * values (so changing a map, list, array or builder afterwards changes nothing that is written), the
 * throwable's message and stack, the thread's {@link LogContext} and the time. Sanitization also runs
 * before the call returns; encoding and writing happen on the component's writer thread, except for the
 * auth component, which is written and flushed before the call returns.
 *
 * <p>A log call never throws: a value whose {@code toString()} fails (with any {@code Throwable}, an
 * {@code Error} included) is written as a marker in its place, and a record that cannot be built at all
 * is written as a marker record (when even that cannot be made, the failure is reported on stderr).
 *
 * <p>The level methods ({@code trace} to {@code error}) are {@link #log(Level, String, Map, Throwable)} at
 * their level: the message, the fields and the throwable (written as {@code "error"}) may each be null. The
 * {@code atTrace} to {@code atError} methods are {@link #at(Level)} at their level: a shared no-op builder below
 * it.
 *
 * <p>A record whose fields hold {@code metric_name} and {@code metric_value} is a metric record and
 * goes to the metrics component, whatever this logger's component.
 *
 * @since 1.0
 */
public interface GatewayLogger {

    /**
     * The component this logger writes to.
     *
     * @return the component
     */
    LogComponent component();

    /**
     * The logger's name, written as {@code "logger"}.
     *
     * @return the name; never null
     */
    String name();

    /**
     * The level below which records are discarded.
     *
     * @return the threshold
     */
    Level level();

    /**
     * Changes this logger's threshold; takes effect for calls that start afterwards.
     *
     * @param level the new threshold
     */
    void setLevel(Level level);

    /**
     * Whether a record of {@code level} would be accepted.
     *
     * @param level the level asked about
     * @return true if it is at or above this logger's threshold
     */
    boolean isEnabled(Level level);

    /**
     * Logs a record. {@code message}, {@code fields} and {@code cause} may each be null.
     * Field values may be strings, numbers, booleans, enums, {@link java.time.Instant}s, maps, lists and
     * arrays (written as JSON), {@code Optional}s (their value), {@code char[]} (text), {@code byte[]}
     * (written as its length only), or anything else (written by its {@code toString()}, taken at the call).
     *
     * @param level the record's level
     * @param message the message
     * @param fields the record's fields
     * @param cause the throwable, written as {@code "error"}
     */
    void log(Level level, String message, Map<String, ?> fields, Throwable cause);

    /**
     * Starts a record built field by field; below the level it returns a shared no-op builder.
     *
     * @param level the record's level
     * @return the builder
     */
    RecordBuilder at(Level level);

    /** Logs {@code message} at TRACE. */
    default void trace(String message) {
        log(Level.TRACE, message, null, null);
    }
    /** Logs {@code message} with {@code fields} at TRACE. */
    default void trace(String message, Map<String, ?> fields) {
        log(Level.TRACE, message, fields, null);
    }
    /** Logs {@code message} with {@code fields} and {@code cause} at TRACE. */
    default void trace(String message, Map<String, ?> fields, Throwable cause) {
        log(Level.TRACE, message, fields, cause);
    }

    /** Logs {@code message} at DEBUG. */
    default void debug(String message) {
        log(Level.DEBUG, message, null, null);
    }
    /** Logs {@code message} with {@code fields} at DEBUG. */
    default void debug(String message, Map<String, ?> fields) {
        log(Level.DEBUG, message, fields, null);
    }
    /** Logs {@code message} with {@code fields} and {@code cause} at DEBUG. */
    default void debug(String message, Map<String, ?> fields, Throwable cause) {
        log(Level.DEBUG, message, fields, cause);
    }

    /** Logs {@code message} at INFO. */
    default void info(String message) {
        log(Level.INFO, message, null, null);
    }
    /** Logs {@code message} with {@code fields} at INFO. */
    default void info(String message, Map<String, ?> fields) {
        log(Level.INFO, message, fields, null);
    }
    /** Logs {@code message} with {@code fields} and {@code cause} at INFO. */
    default void info(String message, Map<String, ?> fields, Throwable cause) {
        log(Level.INFO, message, fields, cause);
    }

    /** Logs {@code message} at WARN. */
    default void warn(String message) {
        log(Level.WARN, message, null, null);
    }
    /** Logs {@code message} with {@code fields} at WARN. */
    default void warn(String message, Map<String, ?> fields) {
        log(Level.WARN, message, fields, null);
    }
    /** Logs {@code message} with {@code fields} and {@code cause} at WARN. */
    default void warn(String message, Map<String, ?> fields, Throwable cause) {
        log(Level.WARN, message, fields, cause);
    }

    /** Logs {@code message} at ERROR. */
    default void error(String message) {
        log(Level.ERROR, message, null, null);
    }
    /** Logs {@code message} with {@code fields} at ERROR. */
    default void error(String message, Map<String, ?> fields) {
        log(Level.ERROR, message, fields, null);
    }
    /** Logs {@code message} with {@code fields} and {@code cause} at ERROR. */
    default void error(String message, Map<String, ?> fields, Throwable cause) {
        log(Level.ERROR, message, fields, cause);
    }

    /** Starts a record at TRACE. */
    default RecordBuilder atTrace() {
        return at(Level.TRACE);
    }
    /** Starts a record at DEBUG. */
    default RecordBuilder atDebug() {
        return at(Level.DEBUG);
    }
    /** Starts a record at INFO. */
    default RecordBuilder atInfo() {
        return at(Level.INFO);
    }
    /** Starts a record at WARN. */
    default RecordBuilder atWarn() {
        return at(Level.WARN);
    }
    /** Starts a record at ERROR. */
    default RecordBuilder atError() {
        return at(Level.ERROR);
    }

    /**
     * Logs a metric record at INFO: {@code name}, {@code value} and {@code unit} become
     * {@code metric.name}, {@code metric.value} and {@code metric.unit}, {@code tags} become {@code metric.tags}.
     *
     * @param name the metric's name
     * @param value its value
     * @param unit its unit, or null
     * @param tags its tags, or null
     */
    default void metric(String name, Number value, String unit, Map<String, ?> tags) {
        if (!isEnabled(Level.INFO)) {
            return;
        }
        RecordBuilder b = at(Level.INFO).field(LogRecord.METRIC_NAME, name).field(LogRecord.METRIC_VALUE, value);
        if (unit != null) {
            b.field(LogRecord.METRIC_UNIT, unit);
        }
        if (tags != null) {
            b.fields(tags);
        }
        b.log(name);
    }
}
