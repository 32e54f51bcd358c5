package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.api.spi.DropReason;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The counters of one component's pipeline; increments are lock-free (LongAdder). Every accepted record
 * ends up counted once, as written or as dropped with one reason; until then it is pending (in the
 * buffer, in a batch being written, or in a failing sink's backlog). {@link #dropped()} is keyed by
 * {@link DropReason#wireName()}.
 */
public final class PipelineStats implements ComponentStatistics {
    // The reasons are defined once, in the SPI (DropReason); these names keep the pipeline's call sites short.
    public static final String OVERFLOW = DropReason.OVERFLOW.wireName();
    public static final String SHUTDOWN = DropReason.SHUTDOWN.wireName();
    public static final String SINK_FAILURE = DropReason.SINK_FAILURE.wireName();
    public static final String REENTRANT = DropReason.REENTRANT.wireName();
    public static final String WRITER_FAILURE = DropReason.WRITER_FAILURE.wireName();
    public static final String NO_SINK = DropReason.NO_SINK.wireName();

    private final LogComponent component;
    private final int capacity;
    // One adder per level, indexed by ordinal: accepting a record is one increment, as before; accepted()
    // is their sum. Levels are fixed, so an array beats a map (no lookup, no boxing on the hot path).
    private final LongAdder[] acceptedByLevel = new LongAdder[Level.values().length];
    private final LongAdder written = new LongAdder();
    private final LongAdder sinkErrors = new LongAdder();
    private final LongAdder flushes = new LongAdder();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    private volatile IntSupplier buffered = () -> 0;
    private volatile LongSupplier bufferedBytes = () -> 0;

    public PipelineStats(LogComponent component, int capacity) {
        this.component = component;
        this.capacity = capacity;
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason.wireName(), new LongAdder()); // every reason is published, zero or not
        }
        for (int i = 0; i < acceptedByLevel.length; i++) {
            acceptedByLevel[i] = new LongAdder();
        }
    }

    void bufferedBy(IntSupplier records, LongSupplier bytes) {
        this.buffered = records;
        this.bufferedBytes = bytes;
    }

    void onAccepted(Level level) {
        acceptedByLevel[level.ordinal()].increment();
    }

    void onWritten(int n) {
        written.add(n);
    }

    void onSinkError() {
        sinkErrors.increment();
    }

    void onFlushed() {
        flushes.increment();
    }

    void onDropped(String reason, int n) {
        dropped.computeIfAbsent(reason, r -> new LongAdder()).add(n);
    }

    @Override
    public LogComponent component() {
        return component;
    }

    @Override
    public long accepted(Level level) {
        return acceptedByLevel[level.ordinal()].sum();
    }

    @Override
    public long accepted() {
        long t = 0;
        for (LongAdder a : acceptedByLevel) {
            t += a.sum();
        }
        return t;
    }

    @Override
    public long written() {
        return written.sum();
    }

    @Override
    public long sinkErrors() {
        return sinkErrors.sum();
    }

    @Override
    public long flushes() {
        return flushes.sum();
    }

    @Override
    public int buffered() {
        return buffered.getAsInt();
    }

    @Override
    public long bufferedBytes() {
        return bufferedBytes.getAsLong();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public Map<String, Long> dropped() {
        Map<String, Long> m = new TreeMap<>();
        dropped.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** Records dropped for {@code reason}. */
    public long dropped(String reason) {
        LongAdder a = dropped.get(reason);
        return a == null ? 0 : a.sum();
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
