package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.core.internal.config.ComponentConfig;
import io.gatewaylog.core.internal.config.OverflowPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * up to {@value #MAX_RESTARTS} times. After that the component gives up: what it holds and everything
 * logged later is counted as {@code dropped{reason=writer_failure}}. A caller waiting for room under
 * {@code overflow=block} looks at the writer every 100 ms, so it never waits for a dead one.
 */
final class AsyncPipeline implements Pipeline {
    /** How long an idle writer sleeps before looking again: doubling from 1 ms up to 50 ms while idle. */
    private static final long MIN_IDLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_IDLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How often a waiting caller or flush looks whether the writer is still alive. */
    private static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final int MAX_RESTARTS = 10;

    private final PipelineStats stats;
    private final RecordQueue queue;
    private final int batchSize;
    private final long flushIntervalNanos;
    private final OverflowPolicy overflow;
    private final BatchWriter writer;
    private final Reporter reporter;
    private final SafeSanitizer sanitizer;
    private final List<LogSink> sinks;
    private final String threadName;
    private final Object progress = new Object();
    /** The batch being written; a field so that a writer that dies before handing it over leaves it to the next. */
    private final List<LogRecord> batch;
    private volatile Thread thread;
    private volatile boolean closing;
    private volatile boolean stopped;
    private volatile boolean failed;
    private volatile boolean lostAtShutdown;
    private volatile long flushRequested;
    private volatile long flushCompleted;
    private int restarts; // guarded by progress
    private boolean shutdownDropReported;
    private boolean reentrantDropReported;
    private long idlePauseNanos = MIN_IDLE_PAUSE_NANOS; // writer thread only

    AsyncPipeline(ComponentConfig config, List<LogSink> sinks, Function<PipelineStats, BatchWriter> writers,
                  SafeSanitizer sanitizer, Reporter reporter) {
        this.sanitizer = sanitizer;
        this.sinks = sinks;
        this.stats = new PipelineStats(config.component(), config.bufferMax());
        this.queue = new RecordQueue(config.bufferMax(), config.bufferMaxBytes());
        this.batchSize = config.bufferSize();
        this.batch = new ArrayList<>(Math.min(batchSize, 65_536));
        this.flushIntervalNanos = config.flushInterval().toNanos();
        this.overflow = config.overflow();
        this.reporter = reporter;
        this.writer = writers.apply(stats);
        this.threadName = "gateway-log-writer-" + config.component().id();
        stats.bufferedBy(queue::size, queue::bytes);
        synchronized (progress) {
            startWriter();
        }
    }

    private void startWriter() {
        Thread t = new Reentry.WriterThread(this::run, threadName);
        thread = t;
        t.start();
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
        if (closing) {
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
        if (failed) {
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
                    stats.onDropped(failed ? PipelineStats.WRITER_FAILURE : PipelineStats.SHUTDOWN, 1);
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
                    if (queue.offer(record, size, WATCH_NANOS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    // An interrupt must not lose an accepted record: keep waiting, restore the flag after.
                    interrupted = true;
                    continue;
                }
                if (failed) {
                    stats.onDropped(PipelineStats.WRITER_FAILURE, 1);
                    return;
                }
                if (queue.isClosed()) {
                    stats.onDropped(PipelineStats.SHUTDOWN, 1);
                    return;
                }
                superviseWriter();
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

    private void droppedReentrant() {
        stats.onDropped(PipelineStats.REENTRANT, 1);
        synchronized (progress) {
            if (!reentrantDropReported) {
                reentrantDropReported = true;
                reporter.warn("a record of component " + stats.component().id() + " was logged from inside"
                        + " gateway-log (a sink or a value's toString()) while its buffer was full; such records"
                        + " never wait and are counted as dropped{reason=reentrant}");
            }
        }
    }

    /** Restarts a writer found dead (not stopped); gives up after {@value #MAX_RESTARTS} restarts. */
    private void superviseWriter() {
        synchronized (progress) {
            if (!thread.isAlive() && !stopped && !failed) {
                restartOrGiveUp(null);
            }
        }
    }

    private void restartOrGiveUp(Throwable cause) {
        String what = "the writer thread of component " + stats.component().id() + " died";
        if (restarts < MAX_RESTARTS) {
            restarts++;
            report(what + "; restarted (" + restarts + " of at most " + MAX_RESTARTS + ")", cause);
            try {
                startWriter();
                return;
            } catch (RuntimeException | Error e) {
                report("the writer thread of component " + stats.component().id() + " could not be restarted", e);
            }
        }
        giveUp(what + " too often; its records are counted as dropped{reason=writer_failure}", cause);
    }

    /** No writer any more: count what is held, refuse what comes (called with no writer running). */
    private void giveUp(String why, Throwable cause) {
        failed = true;
        report(why, cause);
        int left = queue.closeAndClear() + batch.size();
        batch.clear();
        stats.onDropped(PipelineStats.WRITER_FAILURE, left);
        writer.giveUpAll(PipelineStats.WRITER_FAILURE);
        stopped = true;
        progress.notifyAll();
    }

    private void report(String message, Throwable cause) {
        try {
            if (cause == null) {
                reporter.warn(message);
            } else {
                reporter.error(message, cause);
            }
        } catch (RuntimeException | Error ignored) {
            // the supervision must go on even when stderr fails
        }
    }

    private void run() {
        try {
            loop();
            finish();
        } catch (Throwable t) {
            synchronized (progress) {
                if (!stopped && !failed) {
                    restartOrGiveUp(t);
                }
            }
        }
    }

    private void loop() {
        long nextFlush = System.nanoTime() + flushIntervalNanos;
        boolean dirty = true; // a restarted writer may inherit unflushed records
        while (true) {
            try {
                if (!batch.isEmpty()) {
                    writeBatch(); // left by a writer that died before handing it to the sinks
                }
                long requested = flushRequested;
                long wait = Math.max(0, nextFlush - System.nanoTime());
                if (writer.hasBacklog()) {
                    wait = Math.min(wait, SinkSlot.RETRY_PAUSE_NANOS);
                }
                int n = queue.drainTo(batch, batchSize);
                if (n == 0 && !closing && requested == flushCompleted && wait > 0) {
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
                if (n > 0) {
                    idlePauseNanos = MIN_IDLE_PAUSE_NANOS;
                    writeBatch();
                    dirty = true;
                } else if (writer.retryBacklogs(false)) {
                    // What a recovered sink took from its backlog must be flushed like any batch.
                    dirty = true;
                }
                long now = System.nanoTime();
                boolean drained = n == 0 || queue.isEmpty();
                if ((dirty || writer.hasUnreportedDrops()) && now - nextFlush >= 0
                        || (drained && (requested != flushCompleted || closing))) {
                    writer.flush();
                    dirty = false;
                    nextFlush = now + flushIntervalNanos;
                } else if (!dirty && now - nextFlush >= 0) {
                    nextFlush = now + flushIntervalNanos;
                }
                // A flush is done when what was accepted before it is written: nothing queued, nothing
                // in a failing sink's backlog.
                if (drained && requested != flushCompleted && !writer.owesRecords()) {
                    flushCompleted = requested;
                    synchronized (progress) {
                        progress.notifyAll();
                    }
                }
                if (closing && drained && queue.isEmpty()) {
                    if (writer.drainForShutdown() > 0) {
                        lostAtShutdown = true;
                    }
                    writer.flush();
                    return;
                }
            } catch (Throwable t) {
                if (Reentry.isThreadDeath(t)) {
                    throw (Error) t;
                }
                // An error of the pipeline's own (sink errors never get here): report and keep going.
                report("writer of component " + stats.component().id() + " hit an unexpected error", t);
                if (!batch.isEmpty()) {
                    stats.onDropped(PipelineStats.WRITER_FAILURE, batch.size());
                    batch.clear();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
    }

    private void writeBatch() {
        try {
            writer.write(batch);
        } finally {
            batch.clear(); // handed over (or kept by every sink): never written twice
        }
    }

    private void finish() {
        int late = queue.closeAndClear();
        if (late > 0) {
            stats.onDropped(PipelineStats.SHUTDOWN, late);
        }
        synchronized (progress) {
            stopped = true;
            progress.notifyAll();
        }
    }

    @Override
    public boolean flush(Duration timeout) {
        if (Thread.currentThread() == thread) {
            return false; // a sink flushing the backend from its own writer cannot wait for itself
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long ticket;
        synchronized (progress) {
            ticket = ++flushRequested;
        }
        LockSupport.unpark(thread);
        synchronized (progress) {
            while (flushCompleted < ticket && !stopped) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, Math.min(left, WATCH_NANOS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                superviseWriter();
            }
            return flushCompleted >= ticket || stopped && !failed && !lostAtShutdown;
        }
    }

    @Override
    public void beginShutdown() {
        closing = true;
        LockSupport.unpark(thread);
    }

    @Override
    public boolean awaitShutdown(long deadlineNanos) {
        while (true) {
            Thread t = thread;
            long left = deadlineNanos - System.nanoTime();
            if (stopped && !t.isAlive() || left <= 0) {
                break;
            }
            try {
                t.join(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            superviseWriter();
        }
        if (!stopped()) {
            report("component " + stats.component().id() + " did not drain in time; " + queue.size()
                    + " records still buffered", null);
            return false;
        }
        return !failed && !lostAtShutdown;
    }

    @Override
    public boolean stopped() {
        return stopped && !thread.isAlive();
    }
}
