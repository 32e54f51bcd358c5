package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.core.internal.config.ComponentConfig;
import io.gatewaylog.core.internal.config.OverflowPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A component's buffered pipeline: callers sanitize their record and put it into a bounded queue; one daemon writer thread
 * takes them in batches of up to {@code buffer.size}, writes each batch to the sinks at once, and
 * flushes the sinks every {@code flush.interval}. A full queue applies the component's overflow
 * policy: by default the caller waits (nothing lost).
 *
 * <p>Why an {@link ArrayBlockingQueue}: it allocates nothing per record, bounds memory by
 * construction, and {@code drainTo} moves a whole batch under one lock acquisition.
 */
final class AsyncPipeline implements Pipeline {
    /** Put in the queue to wake the writer for a flush or shutdown; never written. */
    private static final LogRecord WAKE_UP =
            LogRecord.builder().component(LogComponent.SYSTEM).logger("wake-up").build();

    /** How long an idle writer sleeps before looking again: doubling from 1 ms up to 50 ms while idle. */
    private static final long MIN_IDLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_IDLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final PipelineStats stats;
    private final ArrayBlockingQueue<LogRecord> queue;
    private final int batchSize;
    private final long flushIntervalNanos;
    private final OverflowPolicy overflow;
    private final BatchWriter writer;
    private final Reporter reporter;
    private final SafeSanitizer sanitizer;
    private final Thread thread;
    private final Object progress = new Object();
    private volatile boolean closing;
    private volatile boolean stopped;
    private volatile long flushRequested;
    private volatile long flushCompleted;
    private boolean shutdownDropReported;
    private long idlePauseNanos = MIN_IDLE_PAUSE_NANOS; // writer thread only

    AsyncPipeline(ComponentConfig config, Function<PipelineStats, BatchWriter> writers, SafeSanitizer sanitizer,
                  Reporter reporter) {
        this.sanitizer = sanitizer;
        this.stats = new PipelineStats(config.component(), config.bufferMax());
        this.queue = new ArrayBlockingQueue<>(config.bufferMax());
        this.batchSize = config.bufferSize();
        this.flushIntervalNanos = config.flushInterval().toNanos();
        this.overflow = config.overflow();
        this.reporter = reporter;
        this.writer = writers.apply(stats);
        stats.bufferedBy(queue::size);
        this.thread = new Thread(this::run, "gateway-log-writer-" + config.component().id());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public PipelineStats stats() {
        return stats;
    }

    @Override
    public void submit(LogRecord original) {
        if (closing) {
            droppedAtShutdown();
            return;
        }
        stats.onAccepted();
        LogRecord record = sanitizer.apply(original);
        if (queue.offer(record)) {
            return;
        }
        switch (overflow) {
            case DROP_NEWEST -> stats.onDropped(PipelineStats.OVERFLOW, 1);
            case DROP_OLDEST -> {
                while (!queue.offer(record)) {
                    if (queue.poll() != null) {
                        stats.onDropped(PipelineStats.OVERFLOW, 1);
                    }
                }
            }
            default -> putBlocking(record);
        }
    }

    private void putBlocking(LogRecord record) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (queue.offer(record, 100, TimeUnit.MILLISECONDS)) {
                        // The writer may have stopped while we waited: then the record is taken back
                        // and counted, never left unwritten and uncounted in the queue.
                        if (stopped && queue.remove(record)) {
                            stats.onDropped(PipelineStats.SHUTDOWN, 1);
                        }
                        return;
                    }
                    if (stopped) {
                        stats.onDropped(PipelineStats.SHUTDOWN, 1);
                        return;
                    }
                } catch (InterruptedException e) {
                    // An interrupt must not lose an accepted record: keep waiting, restore the flag after.
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void droppedAtShutdown() {
        stats.onDropped(PipelineStats.SHUTDOWN, 1);
        synchronized (progress) {
            if (!shutdownDropReported) {
                shutdownDropReported = true;
                reporter.warn("a record of component " + stats.component().id()
                        + " was logged after shutdown and dropped (counted as dropped{reason=shutdown})");
            }
        }
    }

    private void run() {
        List<LogRecord> batch = new ArrayList<>(Math.min(batchSize, 65_536));
        long nextFlush = System.nanoTime() + flushIntervalNanos;
        boolean dirty = false;
        while (true) {
            try {
                long requested = flushRequested;
                long wait = Math.max(0, nextFlush - System.nanoTime());
                if (writer.hasBacklog()) {
                    wait = Math.min(wait, SinkSlot.RETRY_PAUSE_NANOS);
                }
                LogRecord first = queue.poll();
                if (first == null && !closing && requested == flushCompleted && wait > 0) {
                    // Sleep rather than wait on the queue: a writer waiting on the queue makes every
                    // caller's offer wake it (a system call on the caller's thread, and the caller's
                    // latency tail). A flush or shutdown request unparks it at once.
                    LockSupport.parkNanos(this, Math.min(wait, idlePauseNanos));
                    // The writer is only interrupted by mistake (someone interrupting all threads): an
                    // interrupt left set would make every park return at once, so it is cleared.
                    Thread.interrupted();
                    idlePauseNanos = Math.min(idlePauseNanos * 2, MAX_IDLE_PAUSE_NANOS);
                    first = queue.poll();
                }
                if (first != null) {
                    idlePauseNanos = MIN_IDLE_PAUSE_NANOS;
                }
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                    batch.removeIf(r -> r == WAKE_UP);
                    if (!batch.isEmpty()) {
                        writer.write(batch);
                        dirty = true;
                    }
                    batch.clear();
                } else if (writer.retryBacklogs()) {
                    // What a recovered sink took from its backlog must be flushed like any batch.
                    dirty = true;
                }
                long now = System.nanoTime();
                boolean drained = first == null || queue.isEmpty();
                if ((dirty || writer.hasUnreportedDrops()) && now - nextFlush >= 0
                        || (drained && (requested != flushCompleted || closing))) {
                    writer.flush();
                    dirty = false;
                    nextFlush = now + flushIntervalNanos;
                } else if (!dirty && now - nextFlush >= 0) {
                    nextFlush = now + flushIntervalNanos;
                }
                if (drained && requested != flushCompleted) {
                    flushCompleted = requested;
                    synchronized (progress) {
                        progress.notifyAll();
                    }
                }
                if (closing && drained && queue.isEmpty()) {
                    writer.drainForShutdown();
                    writer.flush();
                    break;
                }
            } catch (Throwable t) {
                // Nothing may kill the writer: report and keep going.
                reporter.error("writer of component " + stats.component().id() + " hit an unexpected error", t);
                batch.clear();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
        stopped = true;
        List<LogRecord> late = new ArrayList<>();
        queue.drainTo(late);
        late.removeIf(r -> r == WAKE_UP);
        if (!late.isEmpty()) {
            stats.onDropped(PipelineStats.SHUTDOWN, late.size());
        }
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    @Override
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long ticket;
        synchronized (progress) {
            ticket = ++flushRequested;
        }
        queue.offer(WAKE_UP);
        LockSupport.unpark(thread);
        synchronized (progress) {
            while (flushCompleted < ticket && !stopped) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public boolean shutdown(Duration timeout) {
        closing = true;
        queue.offer(WAKE_UP);
        LockSupport.unpark(thread);
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            reporter.warn("component " + stats.component().id() + " did not drain within " + timeout
                    + "; " + queue.size() + " records still buffered");
            return false;
        }
        return true;
    }
}
