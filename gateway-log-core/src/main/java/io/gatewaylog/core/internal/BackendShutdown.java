package io.gatewaylog.core.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.core.internal.pipeline.Pipeline;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The steps of the backend's shutdown after the background jobs: drain every pipeline, then close the sinks. */
public final class BackendShutdown {
    private BackendShutdown() {}

    /** Stops each job; a failure is reported and the others still stop. */
    public static void stopJobs(List<AutoCloseable> jobs, Reporter reporter) {
        for (AutoCloseable job : jobs) {
            try {
                job.close();
            } catch (Exception e) {
                reporter.error("a background job failed to stop", e);
            }
        }
    }

    /**
     * Drains every pipeline at once and closes each sink no writer can call any more.
     *
     * @return false if a pipeline did not drain within {@code timeout}
     */
    public static boolean drainAndClose(
            Map<LogComponent, Pipeline> pipelines, List<LogSink> sinks, Duration timeout, Reporter reporter) {
        // Every pipeline drains at the same time, so that one slow component cannot use up the others' time.
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Pipeline p : pipelines.values()) {
            p.beginShutdown();
        }
        boolean all = true;
        for (Pipeline p : pipelines.values()) {
            all &= p.awaitShutdown(deadline);
        }
        // A sink is never closed under a writer that may still call it.
        Set<LogSink> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<LogComponent, Pipeline> e : pipelines.entrySet()) {
            if (!e.getValue().stopped()) {
                for (LogSink sink : e.getValue().sinks()) {
                    if (inUse.add(sink)) {
                        reporter.warn("sink '" + sink.name() + "' is not closed: the writer of component "
                                + e.getKey().id() + " did not stop within " + timeout + " and may still call it");
                    }
                }
                all = false;
            }
        }
        for (LogSink sink : sinks) {
            if (!inUse.contains(sink)) {
                close(sink, reporter);
            }
        }
        return all;
    }

    private static void close(LogSink sink, Reporter reporter) {
        try {
            sink.close();
        } catch (Exception | LinkageError | StackOverflowError e) {
            reporter.error("sink '" + sink.name() + "' failed to close", e);
        }
    }
}
