package io.gatewaylog.api.spi;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Encodes a record as one line of UTF-8 JSON in a documented format (the base or metrics format, or
 * ECS; see {@link SinkContext#encoder(String)}), ending in {@code '\n'}. Thread-safe. Never throws for
 * bad record content: unserializable values are written as descriptive strings.
 *
 * @since 1.0
 */
public interface RecordEncoder {

    /**
     * Writes the record's line (with its {@code '\n'}) to {@code out}.
     *
     * @param record the record
     * @param out where the line goes
     * @throws IOException if {@code out} fails
     */
    void encode(LogRecord record, OutputStream out) throws IOException;

    /**
     * The record's line (with its {@code '\n'}) as bytes.
     *
     * @param record the record
     * @return the line's UTF-8 bytes
     */
    byte[] encode(LogRecord record);

    /**
     * One encoder that encodes each record with its component's encoder: how a sink applies a format
     * setting per component. Returns the single encoder itself when every component has the same one.
     *
     * @param encoders an encoder for every {@link LogComponent}
     * @return an encoder that delegates by {@link LogRecord#component()}
     * @throws IllegalArgumentException if a component has none
     * @since 1.0
     */
    static RecordEncoder byComponent(Map<LogComponent, ? extends RecordEncoder> encoders) {
        EnumMap<LogComponent, RecordEncoder> copy = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            RecordEncoder e = encoders.get(c);
            if (e == null) {
                throw new IllegalArgumentException("no encoder for component " + c.id());
            }
            copy.put(c, e);
        }
        RecordEncoder first = copy.get(LogComponent.values()[0]);
        if (copy.values().stream().allMatch(e -> e == first)) {
            return first;
        }
        RecordEncoder[] byOrdinal = copy.values().toArray(new RecordEncoder[0]);
        return new RecordEncoder() {
            @Override
            public void encode(LogRecord record, OutputStream out) throws IOException {
                byOrdinal[Objects.requireNonNull(record.component()).ordinal()].encode(record, out);
            }

            @Override
            public byte[] encode(LogRecord record) {
                return byOrdinal[Objects.requireNonNull(record.component()).ordinal()].encode(record);
            }
        };
    }
}
