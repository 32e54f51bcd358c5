package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import java.time.Duration;
import java.util.List;

/** Takes one component's records from callers to its sinks. */
public interface Pipeline {

    /** Accepts a record (already past the level check). Never throws, never waits forever. */
    void submit(LogRecord record);

    /**
     * Writes out and flushes everything accepted so far; true only if, within {@code timeout}, every
     * record accepted before the call was taken by every sink or counted as dropped (a failing sink's
     * backlog makes it false).
     */
    boolean flush(Duration timeout);

    /** Starts stopping: later records are counted as dropped{reason=shutdown}; returns at once. */
    void beginShutdown();

    /**
     * Waits until the pipeline has drained, flushed and stopped, or {@code deadlineNanos}
     * ({@link System#nanoTime()}) passes. Does not close the sinks.
     *
     * @return true if every record accepted was written (none dropped at shutdown) in time
     */
    boolean awaitShutdown(long deadlineNanos);

    /** Drains, flushes and stops; see {@link #awaitShutdown}. */
    default boolean shutdown(Duration timeout) {
        beginShutdown();
        return awaitShutdown(System.nanoTime() + timeout.toNanos());
    }

    /** Whether no thread of this pipeline will call its sinks again (its sinks may be closed). */
    boolean stopped();

    /** The sinks this pipeline writes to. */
    List<LogSink> sinks();

    PipelineStats stats();
}
