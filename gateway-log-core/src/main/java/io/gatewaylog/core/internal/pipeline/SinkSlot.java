package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Reporter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One sink as one pipeline sees it: nothing the sink throws (any {@code Throwable}, {@code Error}s
 * included) escapes to the pipeline, and nothing it did not take is lost uncounted. What the sink did
 * not take (the whole batch when it threw, the tail when it took only the head) is kept in a backlog,
 * bounded like the buffer ({@code buffer.max} records and {@code buffer.max.bytes}; beyond that the
 * oldest are given up and counted as {@code sink_failure}), and offered again, in order, after
 * {@link #RETRY_PAUSE_NANOS}, so a sink that comes back (disk space freed, server restarted) resumes
 * within a second and other sinks never wait for it. Errors are reported once per episode (first
 * failure, then recovery). Used by one thread at a time (the pipeline's writer, or auth's callers and
 * retry timer under its lock).
 */
final class SinkSlot {
    static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** What the sink still owes of one batch: its records from {@code offset} on. */
    private record Chunk(Batch batch, int offset, List<LogRecord> records, long bytes) {
    }

    private final LogSink sink;
    private final String where;
    private final PipelineStats stats;
    private final Reporter reporter;
    private final int maxBacklog;
    private final long maxBacklogBytes;
    private final ArrayDeque<Chunk> backlog = new ArrayDeque<>();
    private int backlogRecords;
    private int owedRecords; // of them, accepted records (the pipeline's own drop reports excluded)
    private long backlogBytes;
    private long retryAt;
    private boolean failing;

    SinkSlot(LogSink sink, PipelineStats stats, Reporter reporter, int maxBacklog, long maxBacklogBytes) {
        this.sink = sink;
        this.where = "sink '" + sink.name() + "' (component " + stats.component().id() + ")";
        this.stats = stats;
        this.reporter = reporter;
        this.maxBacklog = maxBacklog;
        this.maxBacklogBytes = maxBacklogBytes;
    }

    LogSink sink() {
        return sink;
    }

    int backlogRecords() {
        return backlogRecords;
    }

    long backlogBytes() {
        return backlogBytes;
    }

    /** Accepted records this sink has not taken yet (what makes a flush false). */
    int owedRecords() {
        return owedRecords;
    }

    private void added(Chunk c) {
        backlogRecords += c.records.size();
        backlogBytes += c.bytes;
        if (c.batch.counted()) {
            owedRecords += c.records.size();
        }
    }

    private void removed(Chunk c) {
        backlogRecords -= c.records.size();
        backlogBytes -= c.bytes;
        if (c.batch.counted()) {
            owedRecords -= c.records.size();
        }
    }

    /**
     * Writes {@code records} of {@code batch} (after any backlog). The list may be reused by the caller
     * afterwards. A request to stop the thread is let through, after the batch is kept.
     */
    void write(List<LogRecord> records, Batch batch) {
        if (!backlog.isEmpty()) {
            boolean clear;
            try {
                clear = retryBacklog(false);
            } catch (Error stopped) { // only a request to stop the thread gets out of a retry
                keep(batch, 0, records);
                throw stopped;
            }
            if (!clear) {
                keep(batch, 0, records);
                return;
            }
        }
        int taken;
        try {
            taken = taken(sink.write(records), records.size());
        } catch (Throwable e) {
            keep(batch, 0, records);
            if (Reentry.isThreadDeath(e)) {
                // The writer was stopped, the sink did not fail: the next writer retries at once.
                retryAt = System.nanoTime();
                throw (Error) e;
            }
            failed("write failed", kept(), e);
            return;
        }
        if (taken < records.size()) {
            failed("took " + taken + " of " + records.size() + " records", kept(), null);
            keep(batch, taken, records.subList(taken, records.size()));
        } else {
            recovered();
            batch.taken();
        }
    }

    /** The sink's answer, checked: a sink that claims more than it was given took the whole batch. */
    private static int taken(int claimed, int size) {
        return Math.max(0, Math.min(claimed, size));
    }

    /** Retries the backlog if its pause is over; true if records were written by it. */
    boolean retryIfDue() {
        int before = backlogRecords;
        retryBacklog(false);
        return backlogRecords < before;
    }

    /** Retries the backlog now if its pause is over (or {@code force}); true if it is empty afterwards. */
    boolean retryBacklog(boolean force) {
        if (backlog.isEmpty()) {
            return true;
        }
        if (!force && System.nanoTime() - retryAt < 0) {
            return false;
        }
        while (!backlog.isEmpty()) {
            Chunk head = backlog.peekFirst();
            int taken;
            try {
                taken = taken(sink.write(head.records), head.records.size());
            } catch (Throwable e) {
                if (Reentry.isThreadDeath(e)) {
                    retryAt = System.nanoTime();
                    throw (Error) e;
                }
                failed("write failed again", kept(), e);
                return false;
            }
            if (taken == 0) {
                failed("took none of " + head.records.size() + " records again", kept(), null);
                return false;
            }
            backlog.pollFirst();
            removed(head);
            if (taken < head.records.size()) {
                // keep only what the sink did not take, in order, for the next retry
                List<LogRecord> rest = new ArrayList<>(head.records.subList(taken, head.records.size()));
                Chunk tail = new Chunk(head.batch, head.offset + taken, rest, bytes(rest));
                backlog.addFirst(tail);
                added(tail);
                failed("took " + taken + " of " + head.records.size() + " records again", kept(), null);
                return false;
            }
            head.batch.taken();
        }
        recovered();
        return true;
    }

    void flush() {
        if (!backlog.isEmpty()) {
            retryBacklog(false);
        }
        try {
            sink.flush();
        } catch (Throwable e) {
            failed("flush failed", "; the sink keeps what it buffered and is flushed again at the next interval", e);
            rethrowIfThreadDeath(e);
        }
    }

    /** At shutdown: a last try for the backlog; what still fails is given up. Returns how many records. */
    int drainForShutdown() {
        retryBacklog(true);
        int left = owedRecords;
        if (left > 0) {
            reporter.warn(where + ": " + left + " records could not be written before shutdown"
                    + " (counted as dropped{reason=sink_failure})");
        }
        giveUpAll(PipelineStats.SINK_FAILURE);
        return left;
    }

    /** Gives up everything kept (the writer gave up, or shutdown); counted with {@code reason}. */
    void giveUpAll(String reason) {
        while (!backlog.isEmpty()) {
            Chunk c = backlog.pollFirst();
            c.batch.givenUp(c.offset, reason);
        }
        backlogRecords = 0;
        owedRecords = 0;
        backlogBytes = 0;
    }

    /** Gives up what is kept of {@code batch} (auth's {@code sync.timeout} passed); true if some was kept. */
    boolean giveUp(Batch batch) {
        for (Iterator<Chunk> it = backlog.descendingIterator(); it.hasNext(); ) {
            Chunk c = it.next();
            if (c.batch == batch) {
                it.remove();
                removed(c);
                c.batch.givenUp(c.offset, PipelineStats.SINK_FAILURE);
                return true;
            }
        }
        return false;
    }

    /** Keeps records {@code offset..} of {@code batch} for a later retry (never calls the sink). */
    void keep(Batch batch, int offset, List<LogRecord> records) {
        List<LogRecord> copy = new ArrayList<>(records);
        Chunk c = new Chunk(batch, offset, copy, bytes(copy));
        backlog.addLast(c);
        added(c);
        // The newest chunk always stays, even alone over the byte bound: it gets at least one retry.
        while ((backlogRecords > maxBacklog || backlogBytes > maxBacklogBytes) && backlog.size() > 1) {
            Chunk oldest = backlog.pollFirst();
            removed(oldest);
            oldest.batch.givenUp(oldest.offset, PipelineStats.SINK_FAILURE);
        }
    }

    private static long bytes(List<LogRecord> records) {
        long n = 0;
        for (LogRecord r : records) {
            n += RecordSize.estimate(r);
        }
        return n;
    }

    private String kept() {
        return "; records are kept (up to " + maxBacklog + " records and " + (maxBacklogBytes >> 10)
                + " KB) and retried every " + TimeUnit.NANOSECONDS.toMillis(RETRY_PAUSE_NANOS) + " ms";
    }

    private void failed(String what, String consequence, Throwable e) {
        stats.onSinkError();
        retryAt = System.nanoTime() + RETRY_PAUSE_NANOS;
        if (!failing) {
            failing = true;
            try {
                reporter.error(where + ": " + what + consequence, e);
            } catch (RuntimeException | Error ignored) {
                // a broken reporter must not undo the bookkeeping above
            }
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            reporter.warn(where + ": recovered");
        }
    }

    static void rethrowIfThreadDeath(Throwable e) {
        if (Reentry.isThreadDeath(e)) {
            throw (Error) e;
        }
    }
}
