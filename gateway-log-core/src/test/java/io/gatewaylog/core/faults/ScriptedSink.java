package io.gatewaylog.core.faults;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sink for fault tests: what {@code write} does is a script (throw, take part, log, block), and what
 * it took is kept, so a test can check that nothing was lost or delivered twice.
 */
class ScriptedSink implements LogSink {
    /** What one call to write does; returns how many leading records the sink takes (and keeps). */
    @FunctionalInterface
    interface Script {
        int write(List<LogRecord> batch, int call) throws Exception;
    }

    private final String name;
    private final Set<LogComponent> components;
    private final List<LogRecord> taken = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    volatile Script script = (batch, call) -> batch.size();
    volatile boolean closed;
    final AtomicInteger flushes = new AtomicInteger();

    ScriptedSink(String name, LogComponent... components) {
        this.name = name;
        this.components = components.length == 0 ? EnumSet.allOf(LogComponent.class) : Set.of(components);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean accepts(LogComponent component) {
        return components.contains(component);
    }

    @Override
    public int write(List<LogRecord> batch) {
        if (closed) {
            throw new AssertionError("write after close");
        }
        int n;
        try {
            n = script.write(batch, calls.incrementAndGet());
        } catch (Exception e) {
            throw ScriptedSink.<RuntimeException>sneaky(e); // IOException and the like, unchanged
        }
        int k = Math.max(0, Math.min(n, batch.size()));
        synchronized (taken) {
            taken.addAll(batch.subList(0, k));
        }
        return n;
    }

    @Override
    public void flush() {
        flushes.incrementAndGet();
    }

    @Override
    public void close() {
        closed = true;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Exception e) throws E {
        throw (E) e;
    }

    int calls() {
        return calls.get();
    }

    /** The messages taken, in order, the sink's own drop reports left out. */
    List<String> messages() {
        synchronized (taken) {
            return taken.stream()
                    .filter(r -> !"gateway-log".equals(r.logger()))
                    .map(LogRecord::message)
                    .toList();
        }
    }
}
