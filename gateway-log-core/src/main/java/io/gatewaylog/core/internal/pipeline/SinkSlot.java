package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Reporter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One sink as one pipeline sees it: errors never escape to the pipeline. A batch the sink refused is
 * kept in a backlog (at most {@code maxBacklog} records; beyond that the oldest are dropped and
 * counted) and offered again, in order, after {@link #RETRY_PAUSE_NANOS}, so a sink that comes back
 * (disk space freed, server restarted) resumes within a second and other sinks never wait for it.
 * Errors are reported on stderr once per episode (first failure, then recovery).
 * Used by one thread at a time (the pipeline's writer, or auth's callers under its lock).
 */
final class SinkSlot {
    static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final LogSink sink;
    private final String where;
    private final PipelineStats stats;
    private final Reporter reporter;
    private final int maxBacklog;
    private final ArrayDeque<List<LogRecord>> backlog = new ArrayDeque<>();
    private int backlogRecords;
    private long retryAt;
    private boolean failing;

    SinkSlot(LogSink sink, PipelineStats stats, Reporter reporter, int maxBacklog) {
        this.sink = sink;
        this.where = "sink '" + sink.name() + "' (component " + stats.component().id() + ")";
        this.stats = stats;
        this.reporter = reporter;
        this.maxBacklog = maxBacklog;
    }

    LogSink sink() {
        return sink;
    }

    int backlogRecords() {
        return backlogRecords;
    }

    /** Writes {@code batch} (after any backlog); the list may be reused by the caller afterwards. */
    void write(List<LogRecord> batch) {
        if (!backlog.isEmpty() && !retryBacklog(false)) {
            keep(batch);
            return;
        }
        int taken = 0;
        try {
            taken = taken(sink.write(batch), batch.size());
        } catch (Exception | LinkageError e) {
            failed("write failed", kept(), e);
            keep(batch);
            return;
        }
        if (taken < batch.size()) {
            failed("took " + taken + " of " + batch.size() + " records", kept(), null);
            keep(batch.subList(taken, batch.size()));
        } else {
            recovered();
        }
    }

    /** The sink's answer, checked: a sink that claims more than it was given took the whole batch. */
    private static int taken(int claimed, int size) {
        return Math.max(0, Math.min(claimed, size));
    }

    /** Retries the backlog if its pause is over; true if records were written by it. */
    boolean retryIfDue() {
        int before = backlogRecords;
        return before > 0 && retryBacklog(false);
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
            List<LogRecord> head = backlog.peekFirst();
            int taken;
            try {
                taken = taken(sink.write(head), head.size());
            } catch (Exception | LinkageError e) {
                failed("write failed again", kept(), e);
                return false;
            }
            backlogRecords -= taken;
            if (taken < head.size()) {
                // keep only what the sink did not take, in order, for the next retry
                backlog.pollFirst();
                backlog.addFirst(new ArrayList<>(head.subList(taken, head.size())));
                failed("took " + taken + " of " + head.size() + " records again", kept(), null);
                return false;
            }
            backlog.pollFirst();
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
        } catch (Exception | LinkageError e) {
            failed("flush failed", "; the sink keeps what it buffered and is flushed again at the next interval", e);
        }
    }

    /** At shutdown: a last try for the backlog; what still fails is counted as dropped. */
    void drainForShutdown() {
        retryBacklog(true);
        if (backlogRecords > 0) {
            stats.onDropped(PipelineStats.SINK_FAILURE, backlogRecords);
            reporter.warn(where + ": " + backlogRecords + " records could not be written before shutdown");
            backlog.clear();
            backlogRecords = 0;
        }
    }

    private void keep(List<LogRecord> batch) {
        backlog.addLast(new ArrayList<>(batch));
        backlogRecords += batch.size();
        while (backlogRecords > maxBacklog && !backlog.isEmpty()) {
            List<LogRecord> oldest = backlog.pollFirst();
            backlogRecords -= oldest.size();
            stats.onDropped(PipelineStats.SINK_FAILURE, oldest.size());
        }
    }

    private String kept() {
        return "; records are kept (up to " + maxBacklog + ") and retried every "
                + TimeUnit.NANOSECONDS.toMillis(RETRY_PAUSE_NANOS) + " ms";
    }

    private void failed(String what, String consequence, Throwable e) {
        stats.onSinkError();
        retryAt = System.nanoTime() + RETRY_PAUSE_NANOS;
        if (!failing) {
            failing = true;
            reporter.error(where + ": " + what + consequence, e);
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            reporter.warn(where + ": recovered");
        }
    }
}
