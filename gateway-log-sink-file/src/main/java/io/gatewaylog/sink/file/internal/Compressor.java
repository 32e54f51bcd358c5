package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.spi.Reporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one background thread that compresses rotated files and prunes old ones, for every component of
 * a sink. Writers only enqueue (never wait): a rotation storm makes the queue longer, never more
 * threads, and gzip's CPU use stays at one core whatever the number of components. A task that fails
 * (disk full while compressing) is retried every second; its source stays as it is meanwhile.
 */
final class Compressor implements AutoCloseable {
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Task WAKE_UP = new Task(null, null, null);

    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final ArrayDeque<Task> deferred = new ArrayDeque<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final byte[] buffer = new byte[64 * 1024];
    private final Reporter reporter;
    private final Consumer<Path> beforeTask;
    private final Thread thread;
    private volatile boolean closing;
    private long retryAt;
    private boolean failing;

    /**
     * One task: prune {@code directory}, then compress {@code source} if not null.
     *
     * @param directory the component's archives
     * @param source a rotated, uncompressed file, or null to prune only
     * @param counters where failures are counted
     */
    record Task(ArchiveDirectory directory, Path source, FileCounters counters) {
    }

    Compressor(Reporter reporter) {
        this(reporter, path -> { });
    }

    /** With a hook run before each task: tests use it to hold the thread and observe the queue. */
    Compressor(Reporter reporter, Consumer<Path> beforeTask) {
        this.reporter = reporter;
        this.beforeTask = beforeTask;
        this.thread = new Thread(this::run, "gateway-log-file-compressor");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a task; returns at once. */
    void submit(ArchiveDirectory directory, Path source, FileCounters counters) {
        pending.incrementAndGet();
        queue.add(new Task(directory, source, counters));
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
                    return;
                }
                long wait = deferred.isEmpty() ? Long.MAX_VALUE : retryAt - System.nanoTime();
                Task t = wait == Long.MAX_VALUE ? queue.take() : queue.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
                if (t == null) {
                    queue.addAll(deferred);
                    deferred.clear();
                } else if (t != WAKE_UP) {
                    execute(t, true);
                }
            } catch (InterruptedException e) {
                if (closing) {
                    return;
                }
            }
        }
    }

    private void execute(Task t, boolean deferOnFailure) {
        try {
            beforeTask.accept(t.source());
            t.directory().prune();
            if (t.source() != null) {
                t.directory().compress(t.source(), buffer);
            }
            pending.decrementAndGet();
            if (failing) {
                failing = false;
                reporter.warn("file sink: compression of rotated files works again");
            }
        } catch (Exception | LinkageError e) {
            t.counters().failures.incrementAndGet();
            if (!failing) {
                failing = true;
                reporter.error("file sink: compressing or pruning in " + t.directory().directory() + " failed"
                        + " (the rotated file stays uncompressed and is retried every second)", e);
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
                reporter.warn("file sink: compression did not finish within " + timeout + "; "
                        + pending.get() + " rotated files are compressed at the next start");
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
