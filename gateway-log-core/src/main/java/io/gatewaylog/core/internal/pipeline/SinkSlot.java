package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Reporter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One sink as one pipeline sees it: nothing the sink throws (any {@code Throwable}, {@code Error}s
 * included) escapes to the pipeline, and nothing it did not take is lost uncounted. What the sink did
 * not take (the whole batch when it threw, the tail when it took only the head) is kept in its
 * {@link SinkBacklog}, and offered again, in order, after {@link #RETRY_PAUSE_NANOS}, so a sink that comes
 * back (disk space freed, server restarted) resumes within a second and other sinks never wait for it.
 * Errors are reported once per episode (first failure, then recovery). Used by one thread at a time (the
 * pipeline's writer, or auth's callers and retry timer under its lock).
 */
final class SinkSlot {
    static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final LogSink sink;
    private final LogComponent component;
    private final String where;
    private final PipelineStats stats;
    private final Reporter reporter;
    private final SinkBacklog backlog;
    private long retryAt;
    private boolean failing;

    SinkSlot(LogSink sink, PipelineStats stats, Reporter reporter, int maxBacklog, long maxBacklogBytes) {
        this.sink = sink;
        this.component = stats.component();
        this.where = "sink '" + sink.name() + "' (component " + component.id() + ")";
        this.stats = stats;
        this.reporter = reporter;
        this.backlog = new SinkBacklog(maxBacklog, maxBacklogBytes);
    }

    int backlogRecords() {
        return backlog.records();
    }

    /** Accepted records this sink has not taken yet (what makes a flush false). */
    int owedRecords() {
        return backlog.owed();
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
        int before = backlog.records();
        retryBacklog(false);
        return backlog.records() < before;
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
            SinkBacklog.Chunk head = backlog.head();
            int size = head.records().size();
            int taken;
            try {
                taken = taken(sink.write(head.records()), size);
            } catch (Throwable e) {
                if (Reentry.isThreadDeath(e)) {
                    retryAt = System.nanoTime();
                    throw (Error) e;
                }
                failed("write failed again", kept(), e);
                return false;
            }
            if (taken == 0) {
                failed("took none of " + size + " records again", kept(), null);
                return false;
            }
            if (taken < size) {
                // keep only what the sink did not take, in order, for the next retry
                backlog.cutHead(taken);
                failed("took " + taken + " of " + size + " records again", kept(), null);
                return false;
            }
            backlog.removeHead();
            head.batch().taken();
        }
        recovered();
        return true;
    }

    /** Flushes the sink for this slot's component (a sink shared by components flushes only that one's part). */
    void flush() {
        if (!backlog.isEmpty()) {
            retryBacklog(false);
        }
        try {
            sink.flush(component);
        } catch (Throwable e) {
            failed("flush failed", "; the sink keeps what it buffered and is flushed again at the next interval", e);
            Reentry.rethrowIfThreadDeath(e);
        }
    }

    /** At shutdown: a last try for the backlog; what still fails is given up. Returns how many records. */
    int drainForShutdown() {
        retryBacklog(true);
        int left = backlog.owed();
        if (left > 0) {
            reporter.warn(where + ": " + left + " records could not be written before shutdown"
                    + " (counted as dropped{reason=sink_failure})");
        }
        giveUpAll(PipelineStats.SINK_FAILURE);
        return left;
    }

    /** Gives up everything kept (the writer gave up, or shutdown); counted with {@code reason}. */
    void giveUpAll(String reason) {
        backlog.giveUpAll(reason);
    }

    /** Gives up what is kept of {@code batch} (auth's {@code sync.timeout} passed); true if some was kept. */
    boolean giveUp(Batch batch) {
        return backlog.giveUp(batch);
    }

    /** Keeps records {@code offset..} of {@code batch} for a later retry (never calls the sink). */
    void keep(Batch batch, int offset, List<LogRecord> records) {
        backlog.keep(batch, offset, records);
    }

    private String kept() {
        return "; records are kept (up to " + backlog.maxRecords() + " records and " + (backlog.maxBytes() >> 10)
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
}
