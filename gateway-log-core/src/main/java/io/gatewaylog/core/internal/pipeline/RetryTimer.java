package io.gatewaylog.core.internal.pipeline;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Auth's backlog retry timer: one daemon {@link Reentry.WriterThread}, started when a sink's backlog first
 * appears, running a retry every {@link SinkSlot#RETRY_PAUSE_NANOS}, so that a record some sink did not
 * take is retried even when no auth call comes. Started and stopped under the auth pipeline's lock.
 */
final class RetryTimer {
    private final String threadName;
    private ScheduledThreadPoolExecutor executor; // guarded by the pipeline's lock

    RetryTimer(String threadName) {
        this.threadName = threadName;
    }

    /** Starts running {@code retry} unless already started. */
    void startOnce(Runnable retry) {
        if (executor != null) {
            return;
        }
        executor = new ScheduledThreadPoolExecutor(1, r -> new Reentry.WriterThread(r, threadName));
        executor.setRemoveOnCancelPolicy(true);
        long pause = SinkSlot.RETRY_PAUSE_NANOS;
        executor.scheduleWithFixedDelay(retry, pause, pause, TimeUnit.NANOSECONDS);
    }

    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** The executor, if started, for waiting for it outside the pipeline's lock. */
    ScheduledThreadPoolExecutor started() {
        return executor;
    }

    /** Waits (outside the pipeline's lock) until {@code executor}, if any, has stopped or the deadline passes. */
    static void await(ScheduledThreadPoolExecutor executor, long deadlineNanos) {
        if (executor == null) {
            return;
        }
        try {
            executor.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
