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
 * buffered to write at the next {@link #flush()}). When the count is short of the batch, or
 * {@code write} throws anything (an {@code Error} included, which means: none taken), the failure is
 * counted as a sink error and reported once per episode, and only the records not taken are offered
 * again, as a new batch that starts with the first of them, in order, after a short pause; other sinks
 * and the callers carry on. A sink that fails part-way therefore keeps the records it counted and must
 * not keep any part of the others (the file sink cuts a torn line back); each record it is given must
 * reach its destination once.
 *
 * <p>What the backend counts: a record is {@code written} once every sink that accepts its component
 * has taken it, and {@code dropped{reason=sink_failure}} if a sink gave it up (its backlog, bounded like
 * the buffer, overflowed; shutdown came; or auth's {@code sync.timeout} passed with no sink taking it).
 * A flush or shutdown returns true only when nothing accepted is still owed by any sink.
 *
 * <p>Threads: {@code write} and {@code flush} are called by the component's writer thread, or for
 * auth by the logging thread (and a retry timer) under auth's lock. {@link #close()} is called once, at
 * shutdown, after a last flush, and never while a writer may still call the sink: the backend waits for
 * the writers first, and a sink whose writer did not stop in time is reported and left open.
 *
 * <p>Logging from a sink: a sink (or a library it calls) may log through gateway-log; the record is
 * queued for a later batch if there is room, and otherwise dropped and counted as
 * {@code dropped{reason=reentrant}} rather than waiting (the writer it would wait for may be the one
 * calling the sink). An auth record logged while an auth record is written is written right after it.
 * A sink must not wait for the backend itself: {@code flush()} called from its own writer returns false.
 *
 * @since 1.0
 */
public interface LogSink extends AutoCloseable {

    /**
     * A short name for diagnostics and metric tags.
     *
     * @return the name, e.g. {@code "file"}
     */
    String name();

    /**
     * Whether this sink wants records of {@code component}; asked once at start-up.
     *
     * @param component a component
     * @return true (the default) if its records are to be written here
     */
    default boolean accepts(LogComponent component) {
        return true;
    }

    /**
     * Takes a batch of records of one component.
     *
     * @param batch the records, in order; may be the rest of an earlier batch that was taken in part.
     *     The list belongs to the caller and may be reused after the call: copy what is kept.
     * @return how many leading records of {@code batch} were taken, from 0 to {@code batch.size()};
     *     the others are offered again later
     * @throws IOException when none was taken (so does any other {@code Throwable})
     */
    int write(List<LogRecord> batch) throws IOException;

    /**
     * Pushes what was buffered to its destination (the OS, the network).
     *
     * @throws IOException if it could not
     */
    void flush() throws IOException;

    /**
     * Pushes what was buffered for {@code component} to its destination. The backend calls this, from that
     * component's writer thread (or auth's lock), so that a sink shared by components flushes only the
     * component at hand and never waits for another component's writer. The default flushes everything.
     *
     * @param component the component whose records were written since the last flush
     * @since 1.0
     */
    default void flush(LogComponent component) throws IOException {
        flush();
    }

    /** Releases resources; no call follows. */
    @Override
    void close() throws IOException;

    /**
     * Counters and gauges this sink keeps (bytes written, rotations, reconnects, ...).
     *
     * @return the measurements, read live; none by default
     */
    default List<Measurement> measurements() {
        return List.of();
    }
}
