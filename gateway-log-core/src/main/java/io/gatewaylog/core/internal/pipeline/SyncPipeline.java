package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.core.internal.config.ComponentConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The auth component's pipeline ({@code sync=true}): each record is sanitized, written to every sink
 * and flushed on the caller's thread before the call returns, one caller at a time (which also keeps
 * the audit order).
 *
 * <p>When no sink takes the record (the disk is full), the call retries every 50 ms until
 * {@code sync.timeout} (default 1s) has passed since it began, then gives the record up, counts it as
 * {@code dropped{reason=sink_failure}} and reports it: it never returns as if the record were written
 * while it sits only in memory. A record that some sink took and another did not stays in that other
 * sink's backlog, retried by a timer thread every 250 ms (not only by the next auth call), and counts
 * as written once every sink has it.
 *
 * <p>Re-entry: a sink or a value's {@code toString()} that logs to auth while this thread writes an
 * auth record would re-enter the sinks in the middle of a write. Such a record is deferred and written
 * by the same call right after the current one (up to {@value #MAX_DEFERRED}); a record logged while a
 * deferred one is written, or beyond that bound, is counted as {@code dropped{reason=reentrant}}.
 */
final class SyncPipeline implements Pipeline {
    private static final long RETRY_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    static final int MAX_DEFERRED = 64;

    private final PipelineStats stats;
    private final BatchWriter writer;
    private final Reporter reporter;
    private final SafeSanitizer sanitizer;
    private final List<LogSink> sinks;
    private final long timeoutNanos;
    private final ArrayDeque<LogRecord> deferred = new ArrayDeque<>();
    private final RetryTimer timer; // started when a backlog first appears
    private boolean writing;
    private boolean writingDeferred;
    private boolean closed;
    private boolean lostAtShutdown;
    private boolean shutdownDropReported;
    private boolean reentrantDropReported;
    private boolean timeoutReported;

    SyncPipeline(
            ComponentConfig config,
            List<LogSink> sinks,
            Function<PipelineStats, BatchWriter> writers,
            SafeSanitizer sanitizer,
            Reporter reporter) {
        this.sanitizer = sanitizer;
        this.sinks = sinks;
        this.stats = new PipelineStats(config.component(), 1);
        this.writer = writers.apply(stats);
        this.reporter = reporter;
        this.timeoutNanos = config.syncTimeout().toNanos();
        this.timer = new RetryTimer("gateway-log-retry-" + config.component().id());
    }

    @Override
    public void submit(LogRecord record) {
        // The deadline counts from the call, so that time spent waiting for the lock is part of it.
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (this) {
            submitLocked(record, deadline);
        }
    }

    private void submitLocked(LogRecord original, long deadline) {
        if (closed) {
            stats.onDropped(PipelineStats.SHUTDOWN, 1);
            if (!shutdownDropReported) {
                shutdownDropReported = true;
                reporter.warn(
                        "a record of component " + stats.component().id() + " was logged after shutdown and dropped");
            }
            return;
        }
        stats.onAccepted(original.level());
        LogRecord record = sanitizer.apply(original);
        if (writing) {
            // Re-entered on this thread from a sink or a value's toString(): never into the sinks mid-write.
            if (!writingDeferred && deferred.size() < MAX_DEFERRED) {
                deferred.add(record);
            } else {
                droppedReentrant();
            }
            return;
        }
        writing = true;
        Reentry.enter();
        try {
            writeOne(record, deadline);
            writingDeferred = true;
            while (!deferred.isEmpty()) {
                writeOne(deferred.poll(), deadline);
            }
        } catch (RuntimeException | Error e) {
            // Sink errors never get here; this is the pipeline's own failure. Count, never lose silently.
            stats.onDropped(PipelineStats.SINK_FAILURE, deferred.size());
            deferred.clear();
            reportSafely("auth record could not be written", e);
            Reentry.rethrowIfThreadDeath(e);
        } finally {
            writingDeferred = false;
            writing = false;
            Reentry.exit();
        }
        if (writer.hasBacklog() && !closed) {
            timer.startOnce(this::retryFromTimer);
        }
    }

    private void writeOne(LogRecord record, long deadline) {
        Batch batch = writer.write(List.of(record));
        writer.flush();
        if (batch == null) {
            return; // no sink accepts auth: counted as no_sink
        }
        while (!batch.takenByAny() && !batch.settled()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            LockSupport.parkNanos(this, Math.min(left, RETRY_STEP_NANOS));
            if (writer.retryBacklogs(true)) {
                writer.flush();
            }
        }
        if (!batch.takenByAny() && !batch.settled()) {
            writer.giveUp(batch);
            String message = "an auth record was dropped: no sink took it within sync.timeout ("
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms); counted as dropped{reason=sink_failure}";
            if (!timeoutReported) {
                timeoutReported = true;
                reporter.warn(message + "; later ones are counted the same way and reported in the drop records");
            }
        } else if (batch.takenByAny()) {
            timeoutReported = false;
        }
    }

    private void droppedReentrant() {
        stats.onDropped(PipelineStats.REENTRANT, 1);
        if (!reentrantDropReported) {
            reentrantDropReported = true;
            reporter.warn("an auth record logged while auth records were being written (a sink or a value's"
                    + " toString() logging) was dropped and counted as dropped{reason=reentrant}");
        }
    }

    private void reportSafely(String message, Throwable e) {
        try {
            reporter.error(message, e);
        } catch (RuntimeException | Error ignored) {
            // nothing more to do
        }
    }

    private synchronized void retryFromTimer() {
        if (closed || writing || !writer.hasBacklog()) {
            return;
        }
        writing = true;
        try {
            if (writer.retryBacklogs(false)) {
                writer.flush();
            }
            writingDeferred = true;
            long deadline = System.nanoTime() + timeoutNanos;
            while (!deferred.isEmpty()) {
                writeOne(deferred.poll(), deadline);
            }
        } catch (RuntimeException | Error e) {
            reportSafely("auth backlog retry failed", e);
            // the scheduled task must not die: it is the only retry when no auth call comes
        } finally {
            writingDeferred = false;
            writing = false;
        }
    }

    @Override
    public synchronized boolean flush(Duration timeout) {
        if (writing) {
            return false; // a sink flushing the backend in the middle of an auth write
        }
        writer.retryBacklogs(true);
        writer.flush();
        return !writer.owesRecords();
    }

    @Override
    public synchronized void beginShutdown() {
        if (closed) {
            return;
        }
        closed = true;
        timer.stop();
        if (writer.drainForShutdown() > 0) {
            lostAtShutdown = true;
        }
        writer.flush();
    }

    @Override
    public boolean awaitShutdown(long deadlineNanos) {
        ScheduledThreadPoolExecutor t;
        synchronized (this) {
            t = timer.started();
        }
        RetryTimer.await(t, deadlineNanos);
        synchronized (this) {
            return !lostAtShutdown;
        }
    }

    @Override
    public synchronized boolean stopped() {
        // The timer checks closed under this lock before it touches a sink.
        return closed;
    }

    @Override
    public List<LogSink> sinks() {
        return sinks;
    }

    @Override
    public PipelineStats stats() {
        return stats;
    }
}
