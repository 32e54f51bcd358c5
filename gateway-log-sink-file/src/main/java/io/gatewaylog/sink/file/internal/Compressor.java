package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.spi.Reporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one background thread that compresses rotated files, for every component of a sink (it deletes
 * no archive: retention prunes beyond {@code backups}, told by {@link ArchiveDirectory#changed} after
 * each compression). Writers only enqueue (never wait): a rotation storm makes the queue longer, never more
 * threads, and gzip's CPU use stays at one core whatever the number of components. A task that fails
 * (disk full while compressing) is retried every second; its source stays as it is meanwhile.
 *
 * <p>With {@code sink.file.compress.delay} a rotated file's compression is due only that long after its
 * rotation (logrotate's {@code delaycompress}, for shippers that fell behind): the same thread keeps such
 * tasks in a queue ordered by due time and sleeps until the earliest, so a delay costs no thread and no
 * timer. The file is held meanwhile ({@link ArchiveDirectory#hold}): backups pruning leaves it alone. At
 * {@link #close} tasks not due yet are left undone: the file stays uncompressed and start-up recovery
 * schedules it again by its modification time (compressing at shutdown would take it from a shipper
 * that is still reading, and the gateway's stop is not the shipper's).
 */
final class Compressor implements AutoCloseable {
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Task WAKE_UP = new Task(null, null, null, 0);

    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final ArrayDeque<Task> deferred = new ArrayDeque<>();
    /** Compressions not due yet, earliest first; touched by the compressor thread only. */
    private final PriorityQueue<Task> delayed = new PriorityQueue<>((a, b) -> Long.signum(a.dueNanos() - b.dueNanos()));

    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger delayedCount = new AtomicInteger();
    private final byte[] buffer = new byte[64 * 1024];
    private final Reporter reporter;
    private final Consumer<Path> beforeTask;
    private final Thread thread;
    private volatile boolean closing;
    private long retryAt;
    private boolean failing;

    /**
     * One task: compress {@code source}, then tell retention the directory changed.
     *
     * @param directory the component's archives
     * @param source a rotated, uncompressed file
     * @param counters where failures are counted
     * @param dueNanos when it may run ({@link System#nanoTime()})
     */
    record Task(ArchiveDirectory directory, Path source, FileCounters counters, long dueNanos) {}

    Compressor(Reporter reporter) {
        this(reporter, path -> {});
    }

    /** With a hook run before each task: tests use it to hold the thread and observe the queue. */
    Compressor(Reporter reporter, Consumer<Path> beforeTask) {
        this.reporter = reporter;
        this.beforeTask = beforeTask;
        this.thread = new Thread(this::run, "gateway-log-file-compressor");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code source}'s compression after the directory's compress delay; returns at once. */
    void submit(ArchiveDirectory directory, Path source, FileCounters counters) {
        submit(directory, source, counters, directory.compressDelay());
    }

    /**
     * Queues {@code source}'s compression, due once {@code delay} has passed; returns at once. The
     * source is held against backups pruning until then.
     */
    void submit(ArchiveDirectory directory, Path source, FileCounters counters, Duration delay) {
        long now = System.nanoTime(); // due times are compared as differences: nanoTime may be negative
        if (!delay.isZero() && !delay.isNegative()) {
            directory.hold(source);
        }
        pending.incrementAndGet();
        queue.add(new Task(directory, source, counters, now + Math.max(0, delay.toNanos())));
    }

    /** Compressions waiting for their delay (tests, diagnostics). */
    int delayed() {
        return delayedCount.get();
    }

    /** Tasks queued, running or waiting for a retry. */
    int pending() {
        return pending.get();
    }

    /** Waits until no task is pending (tests); true if that happened in time. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void run() {
        while (true) {
            try {
                if (closing && queue.isEmpty()) {
                    // One last try for deferred tasks; what still fails is finished at the next start.
                    Task t;
                    while ((t = deferred.poll()) != null) {
                        execute(t, false);
                    }
                    leaveDelayed();
                    return;
                }
                runDue();
                long now = System.nanoTime();
                long wait = deferred.isEmpty() ? Long.MAX_VALUE : retryAt - now;
                if (!delayed.isEmpty()) {
                    wait = Math.min(wait, delayed.peek().dueNanos() - now);
                }
                Task t = wait == Long.MAX_VALUE ? queue.take() : queue.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
                if (t == null) {
                    if (!deferred.isEmpty() && retryAt - System.nanoTime() <= 0) {
                        queue.addAll(deferred);
                        deferred.clear();
                    }
                } else if (t != WAKE_UP) {
                    if (t.dueNanos() - System.nanoTime() > 0) {
                        delayed.add(t);
                        delayedCount.incrementAndGet();
                    } else {
                        execute(t, true);
                    }
                }
            } catch (InterruptedException e) {
                if (closing) {
                    leaveDelayed();
                    return;
                }
            }
        }
    }

    /** Runs the delayed compressions whose time has come. */
    private void runDue() {
        while (!delayed.isEmpty() && delayed.peek().dueNanos() - System.nanoTime() <= 0) {
            Task t = delayed.poll();
            delayedCount.decrementAndGet();
            t.directory().release(t.source());
            execute(t, true);
        }
    }

    /** At close: compressions not due yet stay undone; start-up recovery schedules them again. */
    private void leaveDelayed() {
        Task t;
        while ((t = delayed.poll()) != null) {
            delayedCount.decrementAndGet();
            t.directory().release(t.source());
            pending.decrementAndGet();
        }
    }

    private void execute(Task t, boolean deferOnFailure) {
        try {
            beforeTask.accept(t.source());
            t.directory().compress(t.source(), buffer);
            t.directory().changed(); // an archive replaced its source, or a hold ended: retention prunes
            pending.decrementAndGet();
            if (failing) {
                failing = false;
                reporter.warn("file sink: compression of rotated files works again");
            }
        } catch (Exception | LinkageError e) {
            t.counters().failures.incrementAndGet();
            if (!failing) {
                failing = true;
                reporter.error(
                        "file sink: compressing in " + t.directory().directory() + " failed"
                                + " (the rotated file stays uncompressed and is retried every second)",
                        e);
            }
            if (deferOnFailure && !(closing && Thread.currentThread().isInterrupted())) {
                deferred.add(t);
                retryAt = System.nanoTime() + RETRY_NANOS;
            } else {
                pending.decrementAndGet();
            }
        }
    }

    /**
     * Finishes the queued work, waiting at most {@code timeout}; then interrupts whatever is still
     * running (its temporary file is removed, its source stays for the next start to compress).
     */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    void close(Duration timeout) {
        closing = true;
        queue.add(WAKE_UP);
        try {
            thread.join(Math.max(1, timeout.toMillis()));
            if (thread.isAlive()) {
                reporter.warn("file sink: compression did not finish within " + timeout + "; " + pending.get()
                        + " rotated files are compressed at the next start");
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
