package io.gatewaylog.core.internal.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * What one writer thread reuses for all its records in an encoder: creating a generator per record cost
 * more than writing the record. The generator writes into whatever stream the current call passes,
 * through {@link Target}. Shared by the JSON and ECS encoders.
 */
record ThreadState(Target target, JsonGenerator generator, ValueWriter values, char[] timestamp, FieldVisitor visitor) {

    static ThreadState create(JsonFactory factory, int maxValueLength) {
        Target target = new Target();
        try {
            JsonGenerator g = factory.createGenerator(target, JsonEncoding.UTF8);
            g.setRootValueSeparator(null);
            ValueWriter values = new ValueWriter(g, maxValueLength);
            return new ThreadState(target, g, values, new char[32], new FieldVisitor(values));
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
