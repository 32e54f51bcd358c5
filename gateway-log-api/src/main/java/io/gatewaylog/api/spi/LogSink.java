package io.gatewaylog.api.spi;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import java.io.IOException;
import java.util.List;

/**
 * Where records end up: a file, a socket, a meter registry. A sink is called by one writer thread per
 * component at a time, but different components' threads may call it concurrently, so a sink that
 * shares state between components must synchronize it.
 *
 * <p>Contract: {@link #write} receives a batch of one component's records, already sanitized, in the
 * order they were logged. A sink may buffer them until {@link #flush()}. An exception from
 * {@code write} or {@code flush} is counted as a sink error, reported, and the batch is offered again
 * after a short pause (so a sink that fails part-way must not keep what it wrote of the batch, or must
 * recognise the retry); other sinks and the callers carry on. {@link #close()} is called once, at
 * shutdown, after a last flush.
 *
 * @since 1.0
 */
public interface LogSink extends AutoCloseable {

    /** A short name for diagnostics and metric tags, e.g. {@code "file"}. */
    String name();

    /** Whether this sink wants records of {@code component}; asked once at start-up. */
    default boolean accepts(LogComponent component) {
        return true;
    }

    /** Takes a batch of records of one component. */
    void write(List<LogRecord> batch) throws IOException;

    /** Pushes what was buffered to its destination (the OS, the network). */
    void flush() throws IOException;

    /** Releases resources; no call follows. */
    @Override
    void close() throws IOException;

    /** Counters and gauges this sink keeps (bytes written, rotations, reconnects, ...). */
    default List<Measurement> measurements() {
        return List.of();
    }
}
