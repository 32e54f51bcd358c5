package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ComponentStatistics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/** The counters of one component's pipeline; increments are lock-free (LongAdder). */
public final class PipelineStats implements ComponentStatistics {
    public static final String OVERFLOW = "overflow";
    public static final String SHUTDOWN = "shutdown";
    public static final String SINK_FAILURE = "sink_failure";

    private final LogComponent component;
    private final int capacity;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final LongAdder sinkErrors = new LongAdder();
    private final LongAdder flushes = new LongAdder();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    private volatile IntSupplier buffered = () -> 0;

    public PipelineStats(LogComponent component, int capacity) {
        this.component = component;
        this.capacity = capacity;
        for (String reason : new String[] {OVERFLOW, SHUTDOWN, SINK_FAILURE}) {
            dropped.put(reason, new LongAdder());
        }
    }

    void bufferedBy(IntSupplier supplier) {
        this.buffered = supplier;
    }

    void onAccepted() { accepted.increment(); }

    void onWritten(int n) { written.add(n); }

    void onSinkError() { sinkErrors.increment(); }

    void onFlushed() { flushes.increment(); }

    void onDropped(String reason, int n) {
        dropped.computeIfAbsent(reason, r -> new LongAdder()).add(n);
    }

    @Override public LogComponent component() { return component; }
    @Override public long accepted() { return accepted.sum(); }
    @Override public long written() { return written.sum(); }
    @Override public long sinkErrors() { return sinkErrors.sum(); }
    @Override public long flushes() { return flushes.sum(); }
    @Override public int buffered() { return buffered.getAsInt(); }
    @Override public int capacity() { return capacity; }

    @Override
    public Map<String, Long> dropped() {
        Map<String, Long> m = new TreeMap<>();
        dropped.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    @Override
    public long droppedTotal() {
        long t = 0;
        for (LongAdder a : dropped.values()) {
            t += a.sum();
        }
        return t;
    }
}
