package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What an {@link AsyncPipeline}'s writer thread does, one turn after another: write what a dead writer
 * left, take a batch from the queue (or sleep a little when there is none), write it or retry the sinks'
 * backlogs, flush when the interval is over or a flush was asked for, answer flush tickets, and stop once
 * shutdown has drained the queue. An error of the pipeline's own code (sink errors never get here) is
 * reported and the batch it held counted as {@code writer_failure}; the loop goes on.
 *
 * <p>One object for the pipeline's life: a restarted writer thread takes over its batch and idle pause.
 * Used by one writer thread at a time ({@link WriterControl} starts the next only when the last is dead).
 */
final class WriterLoop {
    /** How long an idle writer sleeps before looking again: doubling from 1 ms up to 50 ms while idle. */
    private static final long MIN_IDLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final long MAX_IDLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final WriterControl control;
    private final RecordQueue queue;
    private final BatchWriter writer;
    private final PipelineStats stats;
    private final int batchSize;
    private final long flushIntervalNanos;
    /** The batch being written; a field so that a writer that dies before handing it over leaves it to the next. */
    private final List<LogRecord> batch;

    private long idlePauseNanos = MIN_IDLE_PAUSE_NANOS;
    // one writer thread's turn state, set afresh when a thread starts
    private long nextFlush;
    private boolean dirty;

    WriterLoop(
            WriterControl control,
            RecordQueue queue,
            BatchWriter writer,
            PipelineStats stats,
            int batchSize,
            long flushIntervalNanos) {
        this.control = control;
        this.queue = queue;
        this.writer = writer;
        this.stats = stats;
        this.batchSize = batchSize;
        this.flushIntervalNanos = flushIntervalNanos;
        this.batch = new ArrayList<>(Math.min(batchSize, 65_536));
    }

    /** Turns until shutdown has drained everything; a request to stop the thread is let through. */
    void runUntilShutdown() {
        nextFlush = System.nanoTime() + flushIntervalNanos;
        dirty = true; // a restarted writer may inherit unflushed records
        while (true) {
            try {
                if (turn()) {
                    return;
                }
            } catch (Throwable t) {
                if (Reentry.isThreadDeath(t)) {
                    throw (Error) t;
                }
                // An error of the pipeline's own (sink errors never get here): report and keep going.
                control.report("writer of component " + stats.component().id() + " hit an unexpected error", t);
                if (!batch.isEmpty()) {
                    stats.onDropped(PipelineStats.WRITER_FAILURE, batch.size());
                    batch.clear();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
    }

    /** One turn; true when the writer is done (shutdown drained and flushed). */
    private boolean turn() {
        if (!batch.isEmpty()) {
            writeBatch(); // left by a writer that died before handing it to the sinks
        }
        long requested = control.flushRequested();
        int n = takeBatch(requested);
        writeOrRetry(n);
        // not n == 0: a drain stops at a slot claimed but not yet published, with records behind it
        boolean drained = queue.isEmpty();
        flushIfDue(drained, requested);
        answerFlush(drained, requested);
        return closing(drained);
    }

    /**
     * Drains up to a batch; when there is none and nothing is asked for, sleeps up to the idle pause first
     * (the idle pause, at most 50 ms, is shorter than any retry pause, so a sink's backlog is retried in time).
     */
    private int takeBatch(long requested) {
        long wait = Math.max(0, nextFlush - System.nanoTime());
        int n = queue.drainTo(batch, batchSize);
        if (n == 0 && !control.closing() && requested == control.flushCompleted() && wait > 0) {
            // Sleep rather than wait on the queue: a writer waiting on the queue makes every
            // caller's offer wake it (a system call on the caller's thread, and the caller's
            // latency tail). A flush or shutdown request unparks it at once.
            LockSupport.parkNanos(this, Math.min(wait, idlePauseNanos));
            // The writer is only interrupted by mistake (someone interrupting all threads): an
            // interrupt left set would make every park return at once, so it is cleared.
            Thread.interrupted();
            idlePauseNanos = Math.min(idlePauseNanos * 2, MAX_IDLE_PAUSE_NANOS);
            n = queue.drainTo(batch, batchSize);
        }
        return n;
    }

    private void writeOrRetry(int n) {
        if (n > 0) {
            idlePauseNanos = MIN_IDLE_PAUSE_NANOS;
            writeBatch();
            dirty = true;
        } else if (writer.retryBacklogs(false)) {
            // What a recovered sink took from its backlog must be flushed like any batch.
            dirty = true;
        }
    }

    private void flushIfDue(boolean drained, long requested) {
        long now = System.nanoTime();
        if ((dirty || writer.hasUnreportedDrops()) && now - nextFlush >= 0
                || (drained && (requested != control.flushCompleted() || control.closing()))) {
            writer.flush();
            dirty = false;
            nextFlush = now + flushIntervalNanos;
        } else if (!dirty && now - nextFlush >= 0) {
            nextFlush = now + flushIntervalNanos;
        }
    }

    /**
     * A flush is done when what was accepted before it is written: nothing queued, nothing in a failing
     * sink's backlog.
     */
    private void answerFlush(boolean drained, long requested) {
        if (drained && requested != control.flushCompleted() && !writer.owesRecords()) {
            control.completeFlush(requested);
        }
    }

    /** At shutdown, once drained: the backlogs' last try and the last flush; true when done. */
    private boolean closing(boolean drained) {
        if (control.closing() && drained && queue.isEmpty()) {
            if (writer.drainForShutdown() > 0) {
                control.lostSomeAtShutdown();
            }
            writer.flush();
            return true;
        }
        return false;
    }

    private void writeBatch() {
        try {
            writer.write(batch);
        } finally {
            batch.clear(); // handed over (or kept by every sink): never written twice
        }
    }

    /** After the last turn: what callers still put in counts as dropped at shutdown. */
    void dropLate() {
        int late = queue.closeAndClear();
        if (late > 0) {
            stats.onDropped(PipelineStats.SHUTDOWN, late);
        }
    }

    /** The writer gave up: everything queued, in the batch or in a backlog is counted as writer_failure. */
    void abandon() {
        int left = queue.closeAndClear() + batch.size();
        batch.clear();
        stats.onDropped(PipelineStats.WRITER_FAILURE, left);
        writer.giveUpAll(PipelineStats.WRITER_FAILURE);
    }
}
