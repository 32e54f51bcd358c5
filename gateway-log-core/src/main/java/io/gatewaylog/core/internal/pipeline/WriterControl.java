package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.spi.Reporter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The writer thread of one {@link AsyncPipeline} and what its callers and that thread tell each other:
 * the shutdown and failure flags, the flush tickets, and the supervision. A writer thread that dies (stopped,
 * or failing inside its own error handling) is restarted, by itself on the way out or by the first caller or
 * flush that finds it dead, up to {@value #MAX_RESTARTS} times; after that the pipeline gives up and
 * {@link WriterLoop#abandon()} counts what it holds as {@code dropped{reason=writer_failure}}.
 * Everything that waits or wakes waiters does so on one monitor.
 */
final class WriterControl {
    /** How often a waiting caller or flush looks whether the writer is still alive. */
    static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    static final int MAX_RESTARTS = 10;

    private final Object progress = new Object();
    private final String threadName;
    private final String componentId;
    private final Reporter reporter;
    private WriterLoop loop; // set once by start, before the first thread
    private volatile Thread thread;
    private volatile boolean closing;
    private volatile boolean stopped;
    private volatile boolean failed;
    private volatile boolean lostAtShutdown;
    private volatile long flushRequested;
    private volatile long flushCompleted;
    private int restarts; // guarded by progress

    WriterControl(String componentId, Reporter reporter) {
        this.componentId = componentId;
        this.reporter = reporter;
        this.threadName = "gateway-log-writer-" + componentId;
    }

    /** Starts the first writer thread, running {@code body}. */
    void start(WriterLoop body) {
        synchronized (progress) {
            this.loop = body;
            startThread();
        }
    }

    private void startThread() {
        Thread t = new Reentry.WriterThread(this::runThread, threadName);
        thread = t;
        t.start();
    }

    /** One writer thread's life: the loop until shutdown, or a restart (or giving up) when it dies. */
    private void runThread() {
        try {
            loop.runUntilShutdown();
            loop.dropLate();
            synchronized (progress) {
                stopped = true;
                progress.notifyAll();
            }
        } catch (Throwable t) {
            synchronized (progress) {
                if (!stopped && !failed) {
                    restartOrGiveUp(t);
                }
            }
        }
    }

    boolean closing() {
        return closing;
    }

    boolean failed() {
        return failed;
    }

    boolean lostAtShutdown() {
        return lostAtShutdown;
    }

    /** Whether the current thread is this pipeline's writer (which must never wait for itself). */
    boolean onWriterThread() {
        return Thread.currentThread() == thread;
    }

    /** Starts stopping: the writer drains, flushes and returns. */
    void beginShutdown() {
        closing = true;
        wake();
    }

    void wake() {
        LockSupport.unpark(thread);
    }

    /** The writer's last step: some records could not be written before shutdown. */
    void lostSomeAtShutdown() {
        lostAtShutdown = true;
    }

    /** Asks the writer for a flush; returns the ticket to wait for. */
    long requestFlush() {
        long ticket;
        synchronized (progress) {
            ticket = ++flushRequested;
        }
        wake();
        return ticket;
    }

    long flushRequested() {
        return flushRequested;
    }

    long flushCompleted() {
        return flushCompleted;
    }

    /** Writer thread: every flush up to {@code ticket} is done; wakes whoever waits for one. */
    void completeFlush(long ticket) {
        flushCompleted = ticket;
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /** Waits for the flush {@code ticket} until {@code deadline}; see {@link AsyncPipeline#flush}. */
    boolean awaitFlush(long ticket, long deadline) {
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
                supervise();
            }
            return flushCompleted >= ticket || stopped && !failed && !lostAtShutdown;
        }
    }

    /** Waits until the writer has stopped or {@code deadlineNanos} passes, restarting a dead one meanwhile. */
    void awaitStopped(long deadlineNanos) {
        while (true) {
            Thread t = thread;
            long left = deadlineNanos - System.nanoTime();
            if (stopped && !t.isAlive() || left <= 0) {
                return;
            }
            try {
                t.join(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            supervise();
        }
    }

    /** Whether no writer thread will call the sinks again. */
    boolean stopped() {
        return stopped && !thread.isAlive();
    }

    /** Restarts a writer found dead (not stopped); gives up after {@value #MAX_RESTARTS} restarts. */
    void supervise() {
        synchronized (progress) {
            if (!thread.isAlive() && !stopped && !failed) {
                restartOrGiveUp(null);
            }
        }
    }

    private void restartOrGiveUp(Throwable cause) {
        String what = "the writer thread of component " + componentId + " died";
        if (restarts < MAX_RESTARTS) {
            restarts++;
            report(what + "; restarted (" + restarts + " of at most " + MAX_RESTARTS + ")", cause);
            try {
                startThread();
                return;
            } catch (RuntimeException | Error e) {
                report("the writer thread of component " + componentId + " could not be restarted", e);
            }
        }
        giveUp(what + " too often; its records are counted as dropped{reason=writer_failure}", cause);
    }

    /** No writer any more: count what is held, refuse what comes (called with no writer running). */
    private void giveUp(String why, Throwable cause) {
        failed = true;
        report(why, cause);
        loop.abandon();
        stopped = true;
        progress.notifyAll();
    }

    /** Reports on stderr; the supervision must go on even when stderr fails. */
    void report(String message, Throwable cause) {
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
}
