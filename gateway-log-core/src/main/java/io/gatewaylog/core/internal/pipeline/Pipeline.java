package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import java.time.Duration;

/** Takes one component's records from callers to its sinks. */
public interface Pipeline {

    /** Accepts a record (already past the level check). */
    void submit(LogRecord record);

    /** Writes out and flushes everything accepted so far; true if done within {@code timeout}. */
    boolean flush(Duration timeout);

    /** Drains, flushes and stops; true if done within {@code timeout}. Does not close the sinks. */
    boolean shutdown(Duration timeout);

    PipelineStats stats();
}
