package io.gatewaylog.core.internal.pipeline;

import java.util.BitSet;

/**
 * One batch handed to a pipeline's sinks, as the statistics see it. A record is <em>written</em> once
 * every sink that accepts its component has taken it, and <em>dropped</em> ({@code sink_failure}) once
 * any of them gave it up (its backlog overflowed, or shutdown or {@code sync.timeout} came first);
 * each record is counted exactly once, when its fate is known. A sink that takes part of a batch keeps
 * the batch open until it has taken or given up the rest.
 *
 * <p>Used by one thread at a time (the pipeline's writer, or auth's callers under its lock).
 */
final class Batch {
    private final PipelineStats stats;
    private final int size;
    private final boolean counted;
    private int open;
    private int takenBy;
    private BitSet dropped;
    private int droppedCount;

    /**
     * @param slots how many sinks must settle it
     * @param counted false for the pipeline's own records (drop reports), which are never counted
     */
    Batch(PipelineStats stats, int size, int slots, boolean counted) {
        this.stats = stats;
        this.size = size;
        this.open = slots;
        this.counted = counted;
    }

    int size() {
        return size;
    }

    /** False for the pipeline's own records, which are never counted and never owed. */
    boolean counted() {
        return counted;
    }

    /** One sink took all of it. */
    void taken() {
        takenBy++;
        settleOne();
    }

    /** One sink gave up records {@code from} to the end (it took those before); returns how many became dropped. */
    int givenUp(int from, String reason) {
        int newly = 0;
        if (dropped == null) {
            dropped = new BitSet(size);
        }
        for (int i = from; i < size; i++) {
            if (!dropped.get(i)) {
                dropped.set(i);
                newly++;
            }
        }
        droppedCount += newly;
        if (counted && newly > 0) {
            stats.onDropped(reason, newly);
        }
        settleOne();
        return newly;
    }

    private void settleOne() {
        if (--open == 0 && counted) {
            stats.onWritten(size - droppedCount);
        }
    }

    /** Whether at least one sink took all of it. */
    boolean takenByAny() {
        return takenBy > 0;
    }

    /** Whether every sink has taken or given it up. */
    boolean settled() {
        return open <= 0;
    }
}
