package io.gatewaylog.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.RecordEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * What the JSON and ECS encoders share: one generator per writer thread ({@link ThreadState}), pointed at the
 * stream of each call, one line per record, and a generator that failed part-way never reused.
 */
abstract class LineEncoder implements RecordEncoder {
    private final ThreadLocal<ThreadState> threadState;
    private final int typicalLineBytes;

    LineEncoder(int maxValueLength, int typicalLineBytes) {
        this.threadState = ThreadLocal.withInitial(() -> ThreadState.create(maxValueLength));
        this.typicalLineBytes = typicalLineBytes;
    }

    @Override
    public final byte[] encode(LogRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(typicalLineBytes);
        try {
            encode(record, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public final void encode(LogRecord record, OutputStream out) throws IOException {
        ThreadState state = threadState.get();
        state.target().out = out;
        boolean ok = false;
        try {
            write(record, state);
            JsonGenerator g = state.generator();
            g.writeRaw('\n');
            g.flush();
            ok = true;
        } finally {
            state.target().out = null;
            if (!ok) {
                // A generator that failed part-way holds half a record: never reuse it.
                threadState.remove();
            }
        }
    }

    /** Writes {@code record} as one JSON object, without the line end, with this thread's generator. */
    abstract void write(LogRecord record, ThreadState state) throws IOException;
}
