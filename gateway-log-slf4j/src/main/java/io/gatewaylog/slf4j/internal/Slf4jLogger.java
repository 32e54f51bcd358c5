package io.gatewaylog.slf4j.internal;

import io.gatewaylog.api.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * An SLF4J logger writing to a {@link BridgeTarget}. {@link LegacyAbstractLogger} turns the many
 * overloads into one call, after the level check, with a trailing throwable already split off; the
 * fluent API arrives through {@link LoggingEventAware}, which keeps key-values and markers apart from
 * the message (without it SLF4J would fold them into the message text).
 *
 * <p>Key-values become record fields, markers a {@code markers} field (a list of names), {@code {}}
 * placeholders are filled by SLF4J's own {@link MessageFormatter}.
 */
final class Slf4jLogger extends LegacyAbstractLogger implements LoggingEventAware {
    private static final long serialVersionUID = 1L;

    /** Field holding the names of the record's markers. */
    static final String MARKERS_FIELD = "markers";

    // Not serialized: AbstractLogger.readResolve looks the logger up again by name.
    private final transient BridgeTarget target;

    Slf4jLogger(BridgeTarget target) {
        this.name = target.name();
        this.target = target;
    }

    @Override
    public boolean isTraceEnabled() {
        return target.isEnabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return target.isEnabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return target.isEnabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return target.isEnabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return target.isEnabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null; // records carry no caller location, so there is nothing to skip to
    }

    @Override
    protected void handleNormalizedLoggingCall(
            org.slf4j.event.Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        emit(toGateway(level), pattern, arguments, throwable, marker == null ? null : List.of(marker), null);
    }

    @Override
    public void log(LoggingEvent event) {
        Level level = toGateway(event.getLevel());
        // atLevel() checked already; a caller building events by hand may not have.
        if (target.isEnabled(level)) {
            emit(
                    level,
                    event.getMessage(),
                    event.getArgumentArray(),
                    event.getThrowable(),
                    event.getMarkers(),
                    event.getKeyValuePairs());
        }
    }

    private void emit(
            Level level,
            String pattern,
            Object[] arguments,
            Throwable throwable,
            List<Marker> markers,
            List<KeyValuePair> keyValues) {
        String message = pattern;
        Throwable cause = throwable;
        if (arguments != null && arguments.length > 0) {
            if (cause != null) {
                message = MessageFormatter.basicArrayFormat(pattern, arguments);
            } else {
                // A trailing throwable is the cause even when a placeholder is left for it, as in Logback.
                FormattingTuple tuple = MessageFormatter.arrayFormat(pattern, arguments);
                message = tuple.getMessage();
                cause = tuple.getThrowable();
            }
        }
        target.log(level, message, fields(markers, keyValues), cause);
    }

    private static Map<String, Object> fields(List<Marker> markers, List<KeyValuePair> keyValues) {
        boolean hasMarkers = markers != null && !markers.isEmpty();
        boolean hasKeyValues = keyValues != null && !keyValues.isEmpty();
        if (!hasMarkers && !hasKeyValues) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (hasKeyValues) {
            for (KeyValuePair kv : keyValues) {
                fields.put(String.valueOf(kv.key), kv.value); // a later pair of the same key wins
            }
        }
        if (hasMarkers) {
            List<String> names = new ArrayList<>(markers.size());
            for (Marker m : markers) {
                if (m != null) {
                    names.add(m.getName());
                }
            }
            fields.putIfAbsent(MARKERS_FIELD, names);
        }
        return fields;
    }

    static Level toGateway(org.slf4j.event.Level level) {
        switch (level) {
            case TRACE:
                return Level.TRACE;
            case DEBUG:
                return Level.DEBUG;
            case INFO:
                return Level.INFO;
            case WARN:
                return Level.WARN;
            default:
                return Level.ERROR;
        }
    }
}
