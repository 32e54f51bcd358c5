package io.gatewaylog.core.internal.logger;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.RecordBuilder;
import io.gatewaylog.api.internal.Failures;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fluent builder of an enabled level: collects fields in order, then logs once. Never throws: a map
 * that cannot be read is kept as a marker field, and {@link #log(String)} renders and guards as
 * {@link CoreLogger#log} does.
 */
final class CoreRecordBuilder implements RecordBuilder {
    private final CoreLogger logger;
    private final Level level;
    private Map<String, Object> fields;
    private Throwable cause;

    CoreRecordBuilder(CoreLogger logger, Level level) {
        this.logger = logger;
        this.level = level;
    }

    @Override
    public RecordBuilder field(String key, Object value) {
        if (fields == null) {
            fields = new LinkedHashMap<>();
        }
        fields.put(String.valueOf(key), value);
        return this;
    }

    @Override
    public RecordBuilder fields(Map<String, ?> more) {
        if (more != null) {
            try {
                Map<?, ?> any = more; // keys of any type, whatever the generic type says
                any.forEach((k, v) -> field(ValueRenderer.key(k), v));
            } catch (Throwable t) {
                Failures.rethrowIfFatal(t);
                field("fields", Failures.marker("reading", more, t));
            }
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
        logger.log(level, message, fields, cause);
    }
}
