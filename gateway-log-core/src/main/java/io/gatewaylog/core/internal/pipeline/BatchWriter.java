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
    private long droppedReported;

    BatchWriter(PipelineStats stats, List<LogSink> sinks, List<FlushListener> flushListeners, Reporter reporter, int maxBacklog, String overflowPolicy) {
        this.stats = stats;
        this.flushListeners = flushListeners;
        this.reporter = reporter;
        this.overflowPolicy = overflowPolicy;
        for (LogSink sink : sinks) {
            slots.add(new SinkSlot(sink, stats, reporter, maxBacklog));
        }
    }

    void write(List<LogRecord> batch) {
        for (SinkSlot slot : slots) {
            slot.write(batch);
        }
        stats.onWritten(batch.size());
        pendingSinceFlush += batch.size();
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
        for (FlushListener l : flushListeners) {
            try {
                l.onFlush(stats.component(), n, nanos);
            } catch (RuntimeException e) {
                reporter.error("a flush listener failed", e);
            }
        }
    }

    /** Retries sinks' backlogs whose pause is over (called when the pipeline is idle); true if any were written. */
    boolean retryBacklogs() {
        boolean wrote = false;
        for (SinkSlot slot : slots) {
            wrote |= slot.retryIfDue();
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

    /** Whether records were dropped since the last report of drops. */
    boolean hasUnreportedDrops() {
        return stats.droppedTotal() > droppedReported;
    }

    /** Writes a record saying how many records were dropped since the last such record, if any. */
    void reportDrops() {
        long total = stats.droppedTotal();
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
        for (SinkSlot slot : slots) {
            slot.write(List.of(r));
        }
    }

    void drainForShutdown() {
        for (SinkSlot slot : slots) {
            slot.drainForShutdown();
        }
        reportDrops();
    }
}
