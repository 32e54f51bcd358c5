package io.gatewaylog.benchmarks;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.testkit.ForwardingSink;
import java.io.IOException;
import java.util.List;

/**
 * The syslog sink of {@link HungCollectorBenchmark}, timed: the nanoseconds an auth call spends in it
 * ({@code write} then {@code flush}, both on the caller's thread under auth's lock), its worst and its total.
 */
final class TimedSink extends ForwardingSink {
    private long writeNanos;
    long maxNanos;
    long totalNanos;
    long calls;

    TimedSink(LogSink sink) {
        super(sink);
    }

    @Override
    public int write(List<LogRecord> batch) throws IOException {
        long t0 = System.nanoTime();
        try {
            return delegate().write(batch);
        } finally {
            writeNanos += System.nanoTime() - t0;
        }
    }

    /** The core flushes one component at a time: timed the same way. */
    @Override
    public void flush(LogComponent component) throws IOException {
        flush();
    }

    /** The core calls the other sinks between our write and our flush: only our own two parts count. */
    @Override
    public void flush() throws IOException {
        long t0 = System.nanoTime();
        delegate().flush();
        long t = writeNanos + System.nanoTime() - t0;
        writeNanos = 0;
        maxNanos = Math.max(maxNanos, t);
        totalNanos += t;
        calls++;
    }
}
