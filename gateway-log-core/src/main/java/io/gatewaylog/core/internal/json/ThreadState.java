package io.gatewaylog.core.internal.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * What one writer thread reuses for all its records in an encoder: creating a generator per record cost
 * more than writing the record. The generator writes into whatever stream the current call passes,
 * through {@link Target}. Shared by the JSON and ECS encoders.
 */
record ThreadState(Target target, JsonGenerator generator, ValueWriter values, byte[] timestamp, FieldVisitor visitor) {

    /**
     * The encoders' one generator configuration: a generator must neither close nor flush the stream it is
     * pointed at (the sink owns the stream and decides when to flush). Thread-safe, shared.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            // a character outside the BMP as its four UTF-8 bytes, as SerializedStrings' ready forms have it,
            // rather than as an escaped surrogate pair: the same line whether a string was met before or not
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    static ThreadState create(int maxValueLength) {
        Target target = new Target();
        try {
            JsonGenerator g = FACTORY.createGenerator(target, JsonEncoding.UTF8);
            g.setRootValueSeparator(null);
            ValueWriter values = new ValueWriter(g, maxValueLength);
            return new ThreadState(target, g, values, new byte[32], new FieldVisitor(values, maxValueLength));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stream of the current call. */
    static final class Target extends OutputStream {
        OutputStream out;

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }
    }
}
