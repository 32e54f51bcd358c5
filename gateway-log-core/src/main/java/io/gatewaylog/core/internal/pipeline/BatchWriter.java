package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LoggingStatistics.FlushListener;
import io.gatewaylog.api.spi.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of a pipeline that touches the sinks: hands batches of (already sanitized) records to every sink
 * slot, flushes, and writes a record of its own whenever records were dropped since the last one.
 * Each batch is tracked as a {@link Batch} until every sink has taken or given up each of its records,
 * which is when it is counted as written or dropped. A component that no sink accepts counts its
 * records as {@code dropped{reason=no_sink}} and says so once.
 * Used by one thread at a time.
 */
final class BatchWriter {
    static final String SELF_LOGGER = "gateway-log";

    private final PipelineStats stats;
    private final List<SinkSlot> slots = new ArrayList<>();
    private final List<FlushListener> flushListeners;
    private final Reporter reporter;
    private final String overflowPolicy;
    private int pendingSinceFlush;
    private boolean listenerFailing;
    private long droppedReported;
    private boolean noSinkReported;

    BatchWriter(
            PipelineStats stats,
            List<LogSink> sinks,
            List<FlushListener> flushListeners,
            Reporter reporter,
            int maxBacklog,
            long maxBacklogBytes,
            String overflowPolicy) {
        this.stats = stats;
        this.flushListeners = flushListeners;
        this.reporter = reporter;
        this.overflowPolicy = overflowPolicy;
        for (LogSink sink : sinks) {
            slots.add(new SinkSlot(sink, stats, reporter, maxBacklog, maxBacklogBytes));
        }
    }

    /** Hands {@code records} to every sink; returns its tracker, or null when no sink takes the component. */
    Batch write(List<LogRecord> records) {
        return write(records, true);
    }

    private Batch write(List<LogRecord> records, boolean counted) {
        if (slots.isEmpty()) {
            if (counted) {
                stats.onDropped(PipelineStats.NO_SINK, records.size());
                if (!noSinkReported) {
                    noSinkReported = true;
                    reporter.warn("no sink accepts component "
                            + stats.component().id() + ": its records are counted as dropped{reason=no_sink}");
                }
            }
            return null;
        }
        Batch batch = new Batch(stats, records.size(), slots.size(), counted);
        int i = 0;
        try {
            for (; i < slots.size(); i++) {
                try {
                    slots.get(i).write(records, batch);
                } catch (Throwable t) {
                    if (Reentry.isThreadDeath(t)) {
                        throw t;
                    }
                    // An error of the slot's own (an OutOfMemoryError keeping a backlog): this sink neither
                    // took nor kept the batch, so what is not settled yet is counted, never left owed.
                    batch.givenUp(0, PipelineStats.WRITER_FAILURE);
                    reportSlotFailure(t);
                }
            }
        } finally {
            // A writer stopped inside a sink call: the sinks not reached yet keep the batch, so nothing is lost.
            for (int j = i + 1; j < slots.size(); j++) {
                slots.get(j).keep(batch, 0, records);
            }
        }
        if (counted) {
            pendingSinceFlush += records.size();
        }
        return batch;
    }

    private void reportSlotFailure(Throwable t) {
        try {
            reporter.error(
                    "a sink slot of component " + stats.component().id()
                            + " failed; the records it did not take are counted as dropped{reason=writer_failure}",
                    t);
        } catch (Throwable ignored) {
            // reporting must never make it worse
        }
    }

    void flush() {
        reportDrops();
        long start = System.nanoTime();
        for (SinkSlot slot : slots) {
            slot.flush();
        }
        long nanos = System.nanoTime() - start;
        stats.onFlushed();
        int n = pendingSinceFlush;
        pendingSinceFlush = 0;
        boolean listenerFailed = false;
        for (FlushListener l : flushListeners) {
            try {
                l.onFlush(stats.component(), n, nanos);
            } catch (Throwable e) {
                if (Reentry.isThreadDeath(e)) {
                    throw e;
                }
                listenerFailed = true;
                if (!listenerFailing) { // once per episode: a listener failing at every flush must not flood stderr
                    reporter.error("a flush listener failed (reported again only after it has worked once)", e);
                }
            }
        }
        listenerFailing = listenerFailed;
    }

    /** Retries sinks' backlogs whose pause is over (or all now, {@code force}); true if any records were written. */
    boolean retryBacklogs(boolean force) {
        boolean wrote = false;
        for (SinkSlot slot : slots) {
            int before = slot.backlogRecords();
            if (force) {
                slot.retryBacklog(true);
            } else {
                slot.retryIfDue();
            }
            wrote |= slot.backlogRecords() < before;
        }
        return wrote;
    }

    boolean hasBacklog() {
        for (SinkSlot slot : slots) {
            if (slot.backlogRecords() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether some sink has not yet taken an accepted record (a flush is not done while it has). */
    boolean owesRecords() {
        for (SinkSlot slot : slots) {
            if (slot.owedRecords() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Gives up, in every sink, what is still kept of {@code batch}. */
    void giveUp(Batch batch) {
        for (SinkSlot slot : slots) {
            slot.giveUp(batch);
        }
    }

    /** Gives up every backlog (the writer gave up); counted with {@code reason}. */
    void giveUpAll(String reason) {
        for (SinkSlot slot : slots) {
            slot.giveUpAll(reason);
        }
    }

    /** Whether records were dropped since the last report of drops. */
    boolean hasUnreportedDrops() {
        return reportable() > droppedReported;
    }

    private long reportable() {
        // no_sink drops are said once, not reported as a stream (and no sink could take the report)
        return stats.droppedTotal() - stats.dropped(PipelineStats.NO_SINK);
    }

    /** Writes a record saying how many records were dropped since the last such record, if any. */
    void reportDrops() {
        long total = reportable();
        long delta = total - droppedReported;
        if (delta <= 0) {
            return;
        }
        droppedReported = total;
        Map<String, Long> byReason = stats.dropped();
        LogRecord r = LogRecord.builder(Level.WARN, stats.component(), SELF_LOGGER)
                .message(delta + " records of component " + stats.component().id() + " were dropped")
                .fields(Map.of("dropped", delta, "dropped_total", byReason, "overflow_policy", overflowPolicy))
                .build();
        reporter.warn(r.message() + " (totals by reason: " + byReason + ")");
        write(List.of(r), false);
    }

    /** At shutdown: a last try for every backlog; returns how many records had to be given up. */
    int drainForShutdown() {
        int lost = 0;
        for (SinkSlot slot : slots) {
            lost += slot.drainForShutdown();
        }
        reportDrops();
        return lost;
    }
}
