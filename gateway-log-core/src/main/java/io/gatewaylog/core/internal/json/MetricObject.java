package io.gatewaylog.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gatewaylog.api.LogRecord;
import java.io.IOException;
import java.util.Map;

/**
 * The metrics format's {@code "metric":{"name","value","unit","tags"}} object, one writer for both line formats: the
 * ECS encoder keeps the metric object as it is so the same dashboards read either format.
 */
final class MetricObject {
    private MetricObject() {}

    /** Writes the {@code metric} member of a metric record; its other fields and the context are its tags. */
    static void write(LogRecord r, JsonGenerator g, ThreadState state) throws IOException {
        ValueWriter values = state.values();
        Map<String, Object> fields = r.fields();
        g.writeObjectFieldStart("metric");
        g.writeFieldName("name");
        values.string(SafeText.describe(fields.get(LogRecord.METRIC_NAME)));
        g.writeFieldName("value");
        values.number(fields.get(LogRecord.METRIC_VALUE));
        Object unit = fields.get(LogRecord.METRIC_UNIT);
        if (unit != null) {
            g.writeFieldName("unit");
            values.string(SafeText.describe(unit));
        }
        Object type = fields.get(LogRecord.METRIC_TYPE);
        if (type != null) {
            g.writeFieldName("type");
            values.string(SafeText.describe(type));
        }
        g.writeObjectFieldStart("tags");
        state.visitor().walk(FieldVisitor.CONTEXT_TAGS, r.context(), fields);
        state.visitor().walk(FieldVisitor.METRIC_TAGS, fields, fields);
        g.writeEndObject();
        g.writeEndObject();
    }
}
