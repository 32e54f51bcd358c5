package io.gatewaylog.testkit;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sink that keeps every record in memory, for tests: give it to
 * {@code GatewayLogBackend.builder().sink(...)} and assert on {@link #records()}.
 *
 * @since 1.0
 */
public final class InMemorySink implements LogSink {
    private final Set<LogComponent> components;
    private final List<LogRecord> records = new ArrayList<>();
    private final AtomicInteger flushes = new AtomicInteger();
    private volatile boolean closed;

    private InMemorySink(Set<LogComponent> components) {
        this.components = components;
    }

    /** A sink of every component. */
    public static InMemorySink create() {
        return new InMemorySink(EnumSet.allOf(LogComponent.class));
    }

    /** A sink of the given components only. */
    public static InMemorySink of(LogComponent first, LogComponent... rest) {
        return new InMemorySink(EnumSet.of(first, rest));
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public boolean accepts(LogComponent component) {
        return components.contains(component);
    }

    @Override
    public synchronized int write(List<LogRecord> batch) {
        records.addAll(batch);
        return batch.size();
    }

    @Override
    public void flush() {
        flushes.incrementAndGet();
    }

    @Override
    public void close() {
        closed = true;
    }

    /** A copy of the records received so far, in arrival order. */
    public synchronized List<LogRecord> records() {
        return new ArrayList<>(records);
    }

    /** Records of one component. */
    public synchronized List<LogRecord> records(LogComponent component) {
        return records.stream().filter(r -> r.component() == component).toList();
    }

    /** Forgets every record. */
    public synchronized void clear() {
        records.clear();
    }

    /** Flushes received. */
    public int flushes() {
        return flushes.get();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }
}
