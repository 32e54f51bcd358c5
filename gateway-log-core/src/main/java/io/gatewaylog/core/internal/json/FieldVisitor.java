package io.gatewaylog.core.internal.json;

import io.gatewaylog.api.LogRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes the entries of a field or context map, walked with {@link Map#forEach} rather than an entry
 * iterator: {@code Fields} and {@code LinkedHashMap} then walk their own storage and allocate nothing
 * per record. One instance per writer thread, reused for every map of every record.
 */
final class FieldVisitor implements BiConsumer<String, Object> {
    /** Context fields at the top level, skipping those the record's fields override and a null asset_id. */
    static final int CONTEXT = 0;
    /** The record's fields at the top level (reserved names renamed). */
    static final int FIELDS = 1;
    /** Context fields as metric tags. */
    static final int CONTEXT_TAGS = 2;
    /** The record's fields as metric tags, without the metric's own keys. */
    static final int METRIC_TAGS = 3;

    private final ValueWriter values;
    private int mode;
    private Map<String, Object> recordFields;

    FieldVisitor(ValueWriter values) {
        this.values = values;
    }

    void walk(int mode, Map<String, ?> map, Map<String, Object> recordFields) throws IOException {
        if (map.isEmpty()) {
            return;
        }
        this.mode = mode;
        this.recordFields = recordFields;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) map;
            m.forEach(this);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            this.recordFields = null;
        }
    }

    @Override
    public void accept(String key, Object value) {
        try {
            switch (mode) {
                case CONTEXT -> {
                    if (!recordFields.containsKey(key) && (value != null || !"asset_id".equals(key))) {
                        values.fieldName(JsonRecordEncoder.topLevelName(key));
                        values.write(value);
                    }
                }
                case FIELDS -> {
                    values.fieldName(JsonRecordEncoder.topLevelName(key));
                    values.write(value);
                }
                case CONTEXT_TAGS -> {
                    if (!recordFields.containsKey(key) && value != null) {
                        values.fieldName(key);
                        values.write(value);
                    }
                }
                default -> {
                    if (!key.equals(LogRecord.METRIC_NAME) && !key.equals(LogRecord.METRIC_VALUE)
                            && !key.equals(LogRecord.METRIC_UNIT) && !key.equals(LogRecord.METRIC_TYPE)) {
                        values.fieldName(key);
                        values.write(value);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
