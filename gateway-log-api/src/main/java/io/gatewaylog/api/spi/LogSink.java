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
 * order they were logged, and returns how many <em>leading</em> records of it the sink took (wrote or
 * buffered to write at the next {@link #flush()}). The core counts exactly those as written; when the
 * count is short of the batch, or {@code write} throws (which means: none taken), the failure is
 * counted as a sink error and reported once per episode, and only the records not taken are offered
 * again, in order, after a short pause; other sinks and the callers carry on. A sink that fails
 * part-way therefore keeps the records it counted and must not keep any part of the others (the file
 * sink cuts a torn line back). {@link #close()} is called once, at shutdown, after a last flush, and
 * never while a writer may still call {@code write}.
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

    /**
     * Takes a batch of records of one component.
     *
     * @return how many leading records of {@code batch} were taken, from 0 to {@code batch.size()};
     *     the others are offered again later
     * @throws IOException when none was taken
     */
    int write(List<LogRecord> batch) throws IOException;

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
