package io.gatewaylog.core.internal.logger;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.RecordBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fluent builder of an enabled level: collects fields in order, then logs once. */
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
            more.forEach(this::field);
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
