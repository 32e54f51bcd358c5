package io.gatewaylog.api.spi;

import io.gatewaylog.api.LogRecord;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes a record as one line of UTF-8 JSON in the documented base or metrics format, ending in
 * {@code '\n'}. Thread-safe. Never throws for bad record content: unserializable values are written
 * as descriptive strings.
 *
 * @since 1.0
 */
public interface RecordEncoder {

    /** Writes the record's line (with its {@code '\n'}) to {@code out}. */
    void encode(LogRecord record, OutputStream out) throws IOException;

    /** The record's line (with its {@code '\n'}) as bytes. */
    byte[] encode(LogRecord record);
}
