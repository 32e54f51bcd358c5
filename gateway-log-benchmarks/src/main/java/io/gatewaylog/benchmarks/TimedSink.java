package io.gatewaylog.benchmarks;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Measurement;
import java.io.IOException;
import java.util.List;

/**
 * The syslog sink of {@link HungCollectorBenchmark}, timed: the nanoseconds an auth call spends in it
 * ({@code write} then {@code flush}, both on the caller's thread under auth's lock), its worst and its total.
 */
final class TimedSink implements LogSink {
    private final LogSink sink;
    private long writeNanos;
    long maxNanos;
    long totalNanos;
    long calls;

    TimedSink(LogSink sink) {
        this.sink = sink;
    }

    @Override
    public String name() {
        return sink.name();
    }

    @Override
    public boolean accepts(LogComponent component) {
        return sink.accepts(component);
    }

    @Override
    public int write(List<LogRecord> batch) throws IOException {
        long t0 = System.nanoTime();
        try {
            return sink.write(batch);
        } finally {
            writeNanos += System.nanoTime() - t0;
        }
    }

    /** The core calls the other sinks between our write and our flush: only our own two parts count. */
    @Override
    public void flush() throws IOException {
        long t0 = System.nanoTime();
        sink.flush();
        long t = writeNanos + System.nanoTime() - t0;
        writeNanos = 0;
        maxNanos = Math.max(maxNanos, t);
        totalNanos += t;
        calls++;
    }

    @Override
    public void close() throws IOException {
        sink.close();
    }

    @Override
    public List<Measurement> measurements() {
        return sink.measurements();
    }
}
