package io.gatewaylog.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.gatewaylog.api.ErrorInfo;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a record as one Elastic Common Schema line, following the ECS logging specification
 * (elastic/ecs-logging {@code spec/spec.json}): {@code @timestamp}, {@code log.level} and {@code message}
 * first, in that order; then {@code ecs.version}, {@code service.name} (the {@code process.name}
 * setting), {@code service.node.name} (the {@code asset_id}), {@code event.dataset}
 * ({@code gateway.<component>}), {@code log.logger}, {@code process.pid}, {@code process.thread.name},
 * {@code trace.id} / {@code span.id} (context fields {@code trace_id} / {@code span_id}),
 * {@code error.type} / {@code error.message} / {@code error.stack_trace}; then the context and the record's
 * fields as they are, except those whose names collide with ECS ({@link EcsNames}), which go, under
 * their own names, into a {@code gateway} object last. Metric records keep the metrics format's {@code metric}
 * object. ECS fields are written as dotted top-level keys, as Elastic's own ECS loggers do.
 *
 * <p>Values are written exactly as {@link JsonRecordEncoder} writes them (the same {@link ValueWriter}),
 * so sanitization, which happens before encoding, and the limits apply unchanged.
 */
public final class EcsRecordEncoder extends LineEncoder {
    /** The ECS version the lines declare. */
    public static final String ECS_VERSION = "1.6.0";

    private static final SerializedString TIMESTAMP = new SerializedString("@timestamp");
    private static final SerializedString LEVEL = new SerializedString("log.level");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString NODE = new SerializedString("service.node.name");
    private static final SerializedString DATASET = new SerializedString("event.dataset");
    private static final SerializedString LOGGER = new SerializedString("log.logger");
    private static final SerializedString PID = new SerializedString("process.pid");
    private static final SerializedString THREAD = new SerializedString("process.thread.name");
    private static final SerializedString TRACE = new SerializedString("trace.id");
    private static final SerializedString SPAN = new SerializedString("span.id");
    private static final SerializedString[] LEVELS;
    private static final SerializedString[] DATASETS;

    static {
        LEVELS = new SerializedString[Level.values().length];
        for (Level l : Level.values()) {
            LEVELS[l.ordinal()] = new SerializedString(l.name());
        }
        DATASETS = new SerializedString[LogComponent.values().length];
        for (LogComponent c : LogComponent.values()) {
            DATASETS[c.ordinal()] = new SerializedString("gateway." + c.id());
        }
    }

    private final IsoTimestamps timestamps = new IsoTimestamps();
    private final long pid;
    private final int maxValueLength;
    /** {@code "ecs.version":"…","service.name":"…"}, the same on every line: encoded once. */
    private final String constantMembers;

    public EcsRecordEncoder(String processName, int maxValueLength) {
        super(maxValueLength, 384);
        this.pid = ProcessHandle.current().pid();
        this.maxValueLength = maxValueLength;
        java.io.StringWriter w = new java.io.StringWriter();
        try (JsonGenerator g = ThreadState.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("ecs.version", ECS_VERSION);
            g.writeStringField("service.name", SafeText.clean(processName, maxValueLength));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String object = w.toString();
        this.constantMembers = object.substring(1, object.length() - 1);
    }

    @Override
    void write(LogRecord r, ThreadState state) throws IOException {
        JsonGenerator g = state.generator();
        ValueWriter values = state.values();
        Map<String, Object> fields = r.fields();
        Map<String, ?> context = r.context();
        g.writeStartObject();
        g.writeFieldName(TIMESTAMP);
        int n = timestamps.format(r.epochMillis(), state.timestamp());
        g.writeRawUTF8String(state.timestamp(), 0, n); // ASCII digits and separators: nothing to escape
        g.writeFieldName(LEVEL);
        g.writeString(LEVELS[r.level().ordinal()]);
        if (r.message() != null) { // optional in the spec; never written as null
            g.writeFieldName(MESSAGE);
            values.string(r.message());
        }
        // Raw members after a value: Jackson does not write the separator of raw text itself.
        g.writeRaw(',');
        g.writeRaw(constantMembers);
        optionalString(g, values, NODE, lookup(fields, context, EcsNames.ASSET_ID));
        g.writeFieldName(DATASET);
        g.writeString(DATASETS[r.component().ordinal()]);
        g.writeFieldName(LOGGER);
        values.string(r.logger());
        g.writeFieldName(PID);
        g.writeNumber(pid);
        g.writeFieldName(THREAD);
        values.string(r.threadName());
        if (r.isMetric()) {
            MetricObject.write(r, g, state);
        } else {
            writeEvent(r, state, fields, context);
        }
        g.writeEndObject();
    }

    /** What an event (not a metric) adds: trace, span, error, and the fields not mapped to ECS names. */
    private static void writeEvent(LogRecord r, ThreadState state, Map<String, Object> fields, Map<String, ?> context)
            throws IOException {
        JsonGenerator g = state.generator();
        ValueWriter values = state.values();
        optionalString(g, values, TRACE, lookup(fields, context, EcsNames.TRACE_ID));
        optionalString(g, values, SPAN, lookup(fields, context, EcsNames.SPAN_ID));
        ErrorInfo error = r.error();
        if (error != null) {
            g.writeFieldName("error.type");
            values.string(error.type());
            if (error.message() != null) {
                g.writeFieldName("error.message");
                values.string(error.message());
            }
            g.writeFieldName("error.stack_trace");
            values.longString(error.stack());
        }
        FieldVisitor visitor = state.visitor();
        visitor.walk(FieldVisitor.ECS_CONTEXT, context, fields);
        visitor.walk(FieldVisitor.ECS_FIELDS, fields, fields);
        visitor.moved = 0;
        visitor.walk(FieldVisitor.ECS_COUNT_CONTEXT, context, fields);
        visitor.walk(FieldVisitor.ECS_COUNT_FIELDS, fields, fields);
        if (visitor.moved > 0) {
            g.writeObjectFieldStart(EcsNames.MOVED);
            visitor.walk(FieldVisitor.ECS_MOVED_CONTEXT, context, fields);
            visitor.walk(FieldVisitor.ECS_MOVED_FIELDS, fields, fields);
            g.writeEndObject();
        }
    }

    /** A record field wins over a context field of the same name, as in the JSON format. */
    private static Object lookup(Map<String, Object> fields, Map<String, ?> context, String key) {
        Object v = fields.get(key);
        return v != null ? v : context.get(key);
    }

    private static void optionalString(JsonGenerator g, ValueWriter values, SerializedString name, Object v)
            throws IOException {
        if (v != null) {
            g.writeFieldName(name);
            values.string(SafeText.describe(v));
        }
    }
}
