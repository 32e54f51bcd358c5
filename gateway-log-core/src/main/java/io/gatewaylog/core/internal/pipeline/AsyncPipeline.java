package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.core.internal.config.ComponentConfig;
import io.gatewaylog.core.internal.config.OverflowPolicy;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A component's buffered pipeline: callers sanitize their record and put it into a bounded queue
 * ({@link RecordQueue}: {@code buffer.max} records and {@code buffer.max.bytes}); one daemon writer
 * thread takes them in batches of up to {@code buffer.size}, writes each batch to the sinks at once,
 * and flushes the sinks every {@code flush.interval}. A full queue applies the component's overflow
 * policy: by default the caller waits (nothing lost).
 *
 * <p>The writer is supervised. An error inside a sink is the sink's ({@link SinkSlot} keeps the batch);
 * an error in the pipeline's own code is reported and the undelivered batch counted as
 * {@code writer_failure}; a writer thread that dies anyway (stopped, or failing inside its own error
 * handling) is restarted, by itself on the way out or by the first caller or flush that finds it dead,
 * up to {@value WriterControl#MAX_RESTARTS} times. After that the component gives up: what it holds and everything
 * logged later is counted as {@code dropped{reason=writer_failure}}. A caller waiting for room under
 * {@code overflow=block} looks at the writer every 100 ms, so it never waits for a dead one.
 *
 * <p>This class is the callers' side; {@link WriterLoop} is what the writer thread does and
 * {@link WriterControl} the thread's supervision and what both sides tell each other.
 */
final class AsyncPipeline implements Pipeline {
    private final PipelineStats stats;
    private final RecordQueue queue;
    private final OverflowPolicy overflow;
    private final Reporter reporter;
    private final SafeSanitizer sanitizer;
    private final List<LogSink> sinks;
    private final WriterControl control;
    private final Object reportLock = new Object();
    private boolean shutdownDropReported; // guarded by reportLock
    private boolean reentrantDropReported; // guarded by reportLock

    AsyncPipeline(
            ComponentConfig config,
            List<LogSink> sinks,
            Function<PipelineStats, BatchWriter> writers,
            SafeSanitizer sanitizer,
            Reporter reporter) {
        this.sanitizer = sanitizer;
        this.sinks = sinks;
        this.stats = new PipelineStats(config.component(), config.bufferMax());
        this.queue = new RecordQueue(config.bufferMax(), config.bufferMaxBytes());
        this.overflow = config.overflow();
        this.reporter = reporter;
        this.control = new WriterControl(config.component().id(), reporter);
        stats.bufferedBy(queue::size, queue::bytes);
        control.start(new WriterLoop(
                control,
                queue,
                writers.apply(stats),
                stats,
                config.bufferSize(),
                config.flushInterval().toNanos()));
    }

    @Override
    public PipelineStats stats() {
        return stats;
    }

    @Override
    public List<LogSink> sinks() {
        return sinks;
    }

    @Override
    public void submit(LogRecord original) {
        if (control.closing()) {
            droppedAtShutdown();
            return;
        }
        stats.onAccepted(original.level());
        LogRecord record = sanitizer.apply(original);
        int size = RecordSize.estimate(record);
        if (!queue.offer(record, size)) {
            overflow(record, size);
        }
    }

    private void overflow(LogRecord record, int size) {
        if (control.failed()) {
            stats.onDropped(PipelineStats.WRITER_FAILURE, 1);
            return;
        }
        if (queue.isClosed()) {
            stats.onDropped(PipelineStats.SHUTDOWN, 1);
            return;
        }
        switch (overflow) {
            case DROP_NEWEST -> stats.onDropped(PipelineStats.OVERFLOW, 1);
            case DROP_OLDEST -> {
                int evicted = queue.offerEvictingOldest(record, size);
                if (evicted < 0) {
                    stats.onDropped(control.failed() ? PipelineStats.WRITER_FAILURE : PipelineStats.SHUTDOWN, 1);
                } else if (evicted > 0) {
                    stats.onDropped(PipelineStats.OVERFLOW, evicted);
                }
            }
            default -> {
                if (Reentry.inside()) {
                    // A sink (or a value's toString()) logging from a writer thread: waiting for room
                    // could mean waiting for itself.
                    droppedReentrant();
                } else {
                    putBlocking(record, size);
                }
            }
        }
    }

    private void putBlocking(LogRecord record, int size) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (queue.offer(record, size, WriterControl.WATCH_NANOS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    // An interrupt must not lose an accepted record: keep waiting, restore the flag after.
                    interrupted = true;
                    continue;
                }
                if (control.failed()) {
                    stats.onDropped(PipelineStats.WRITER_FAILURE, 1);
                    return;
                }
                if (queue.isClosed()) {
                    stats.onDropped(PipelineStats.SHUTDOWN, 1);
                    return;
                }
                control.supervise();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void droppedAtShutdown() {
        stats.onDropped(PipelineStats.SHUTDOWN, 1);
        synchronized (reportLock) {
            if (!shutdownDropReported) {
                shutdownDropReported = true;
                reporter.warn("a record of component " + stats.component().id()
                        + " was logged after shutdown and dropped (counted as dropped{reason=shutdown})");
            }
        }
    }

    private void droppedReentrant() {
        stats.onDropped(PipelineStats.REENTRANT, 1);
        synchronized (reportLock) {
            if (!reentrantDropReported) {
                reentrantDropReported = true;
                reporter.warn("a record of component " + stats.component().id() + " was logged from inside"
                        + " gateway-log (a sink or a value's toString()) while its buffer was full; such records"
                        + " never wait and are counted as dropped{reason=reentrant}");
            }
        }
    }

    @Override
    public boolean flush(Duration timeout) {
        if (control.onWriterThread()) {
            return false; // a sink flushing the backend from its own writer cannot wait for itself
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        return control.awaitFlush(control.requestFlush(), deadline);
    }

    @Override
    public void beginShutdown() {
        control.beginShutdown();
    }

    @Override
    public boolean awaitShutdown(long deadlineNanos) {
        control.awaitStopped(deadlineNanos);
        if (!stopped()) {
            control.report(
                    "component " + stats.component().id() + " did not drain in time; " + queue.size()
                            + " records still buffered",
                    null);
            return false;
        }
        return !control.failed() && !control.lostAtShutdown();
    }

    @Override
    public boolean stopped() {
        return control.stopped();
    }
}
