package io.gatewaylog.core.internal.json;

import com.fasterxml.jackson.core.SerializableString;
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
    /** ECS: context fields at the top level, without overridden, mapped ({@link EcsNames#mapped}) or colliding ones. */
    static final int ECS_CONTEXT = 4;
    /** ECS: the record's fields at the top level, without mapped or colliding ones. */
    static final int ECS_FIELDS = 5;
    /** ECS: colliding context fields (not overridden), inside the {@code gateway} object. */
    static final int ECS_MOVED_CONTEXT = 6;
    /** ECS: colliding record fields, inside the {@code gateway} object. */
    static final int ECS_MOVED_FIELDS = 7;
    /** ECS: counts into {@link #moved} the fields {@link #ECS_MOVED_CONTEXT} and {@link #ECS_MOVED_FIELDS} write. */
    static final int ECS_COUNT_CONTEXT = 8;

    static final int ECS_COUNT_FIELDS = 9;

    private final ValueWriter values;
    /** The top-level names of the JSON format ({@link JsonRecordEncoder#topLevelName}), ready to copy. */
    private final SerializedStrings topLevelNames;

    private int mode;
    private Map<String, Object> recordFields;
    /** What the ECS count modes counted; reset by the caller. */
    int moved;

    FieldVisitor(ValueWriter values, int maxLength) {
        this.values = values;
        this.topLevelNames = new SerializedStrings(k -> SafeText.clean(JsonRecordEncoder.topLevelName(k), maxLength));
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
        if (!wanted(key, value)) {
            return;
        }
        if (mode == ECS_COUNT_CONTEXT || mode == ECS_COUNT_FIELDS) {
            moved++;
            return;
        }
        try {
            SerializableString ready =
                    (mode == CONTEXT || mode == FIELDS) && key != null ? topLevelNames.lookup(key) : null;
            if (ready != null) {
                values.fieldName(ready);
            } else {
                values.fieldName(name(key));
            }
            values.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the current mode writes (or counts) this entry. */
    private boolean wanted(String key, Object value) {
        return switch (mode) {
            case CONTEXT -> !recordFields.containsKey(key) && (value != null || !"asset_id".equals(key));
            case FIELDS -> true;
            case CONTEXT_TAGS -> !recordFields.containsKey(key) && value != null;
            case ECS_CONTEXT -> !recordFields.containsKey(key) && !EcsNames.mapped(key) && !EcsNames.collides(key);
            case ECS_FIELDS -> !EcsNames.mapped(key) && !EcsNames.collides(key);
            case ECS_MOVED_CONTEXT, ECS_COUNT_CONTEXT -> !recordFields.containsKey(key) && EcsNames.collides(key);
            case ECS_MOVED_FIELDS, ECS_COUNT_FIELDS -> EcsNames.collides(key);
            default ->
                !key.equals(LogRecord.METRIC_NAME)
                        && !key.equals(LogRecord.METRIC_VALUE)
                        && !key.equals(LogRecord.METRIC_UNIT)
                        && !key.equals(LogRecord.METRIC_TYPE);
        };
    }

    /** The entry's member name in the current mode. */
    private String name(String key) {
        return switch (mode) {
            case CONTEXT, FIELDS -> JsonRecordEncoder.topLevelName(key);
            case ECS_FIELDS -> key == null ? "null" : key;
            default -> key;
        };
    }
}
