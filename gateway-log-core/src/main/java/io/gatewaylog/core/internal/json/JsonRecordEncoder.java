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
import java.util.Set;

/**
 * Writes the base and metrics line formats (docs/ARCHITECTURE.md, "Records and JSON") as one JSON line with Jackson's streaming generator.
 * Field values are written by {@link ValueWriter}; strings are cleaned by {@link SafeText} so that no
 * input can break the line or the JSON.
 */
public final class JsonRecordEncoder extends LineEncoder {
    /** Top-level names a field may not take; a field of such a name is written as {@code field_<name>}. */
    public static final Set<String> RESERVED =
            Set.of("timestamp", "level", "component", "logger", "message", "process", "thread", "error", "audit");

    static final String RENAMED_PREFIX = "field_";

    private static final SerializedString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializedString LEVEL = new SerializedString("level");
    private static final SerializedString COMPONENT = new SerializedString("component");
    private static final SerializedString LOGGER = new SerializedString("logger");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString PROCESS = new SerializedString("process");
    private static final SerializedString THREAD = new SerializedString("thread");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString[] LEVELS = serialized(Level.values());
    private static final SerializedString[] COMPONENTS = serialized(LogComponent.values());

    private static SerializedString[] serialized(Enum<?>[] values) {
        SerializedString[] out = new SerializedString[values.length];
        for (Enum<?> v : values) {
            out[v.ordinal()] = new SerializedString(v instanceof LogComponent c ? c.id() : v.name());
        }
        return out;
    }

    private final IsoTimestamps timestamps = new IsoTimestamps();
    private final long pid;
    private final int maxValueLength;
    private final SerializedString processJson;

    public JsonRecordEncoder(String processName, int maxValueLength) {
        super(maxValueLength, 256);
        this.pid = ProcessHandle.current().pid();
        this.maxValueLength = maxValueLength;
        // The process object never changes: encode it once.
        java.io.StringWriter w = new java.io.StringWriter();
        try (JsonGenerator g = ThreadState.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("name", SafeText.clean(processName, maxValueLength));
            g.writeNumberField("id", pid);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.processJson = new SerializedString(w.toString());
    }

    @Override
    void write(LogRecord record, ThreadState state) throws IOException {
        JsonGenerator g = state.generator();
        if (record.isMetric()) {
            writeMetric(record, g, state);
        } else {
            writeBase(record, g, state);
        }
    }

    private void timestamp(JsonGenerator g, ThreadState state, long epochMillis) throws IOException {
        int n = timestamps.format(epochMillis, state.timestamp());
        g.writeRawUTF8String(state.timestamp(), 0, n); // ASCII digits and separators: nothing to escape
    }

    private void writeBase(LogRecord r, JsonGenerator g, ThreadState state) throws IOException {
        ValueWriter values = state.values();
        Map<String, Object> fields = r.fields();
        g.writeStartObject();
        g.writeFieldName(TIMESTAMP);
        timestamp(g, state, r.epochMillis());
        g.writeFieldName(LEVEL);
        g.writeString(LEVELS[r.level().ordinal()]);
        g.writeFieldName(COMPONENT);
        g.writeString(COMPONENTS[r.component().ordinal()]);
        g.writeFieldName(LOGGER);
        values.string(r.logger());
        state.visitor().walk(FieldVisitor.CONTEXT, r.context(), fields);
        g.writeFieldName(MESSAGE);
        values.string(r.message());
        state.visitor().walk(FieldVisitor.FIELDS, fields, fields);
        g.writeFieldName(PROCESS);
        g.writeRawValue(processJson);
        g.writeFieldName(THREAD);
        g.writeStartObject();
        g.writeFieldName(NAME);
        values.string(r.threadName());
        g.writeFieldName(ID);
        g.writeNumber(r.threadId());
        g.writeEndObject();
        ErrorInfo error = r.error();
        if (error != null) {
            g.writeObjectFieldStart("error");
            g.writeFieldName("type");
            values.string(error.type());
            g.writeFieldName("message");
            values.string(error.message());
            g.writeFieldName("stack");
            values.longString(error.stack());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void writeMetric(LogRecord r, JsonGenerator g, ThreadState state) throws IOException {
        g.writeStartObject();
        g.writeFieldName(TIMESTAMP);
        timestamp(g, state, r.epochMillis());
        g.writeFieldName(COMPONENT);
        g.writeString(COMPONENTS[LogComponent.METRICS.ordinal()]);
        MetricObject.write(r, g, state);
        g.writeEndObject();
    }

    /** A field's top-level name: reserved names are kept under {@code field_<name>}, never lost. */
    static String topLevelName(String key) {
        String k = key == null ? "null" : key;
        return RESERVED.contains(k) ? RENAMED_PREFIX + k : k;
    }
}
