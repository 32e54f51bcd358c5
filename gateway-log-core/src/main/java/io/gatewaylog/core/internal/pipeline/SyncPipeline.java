package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.core.internal.config.ComponentConfig;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The auth component's pipeline: each record is sanitized, written to every sink and flushed on the
 * caller's thread before the call returns, one caller at a time (which also keeps the audit order).
 */
final class SyncPipeline implements Pipeline {
    private final PipelineStats stats;
    private final BatchWriter writer;
    private final Reporter reporter;
    private boolean closed;
    private boolean shutdownDropReported;

    private final SafeSanitizer sanitizer;

    SyncPipeline(ComponentConfig config, Function<PipelineStats, BatchWriter> writers, SafeSanitizer sanitizer,
                 Reporter reporter) {
        this.sanitizer = sanitizer;
        this.stats = new PipelineStats(config.component(), 1);
        this.writer = writers.apply(stats);
        this.reporter = reporter;
    }

    @Override
    public synchronized void submit(LogRecord record) {
        if (closed) {
            stats.onDropped(PipelineStats.SHUTDOWN, 1);
            if (!shutdownDropReported) {
                shutdownDropReported = true;
                reporter.warn("a record of component " + stats.component().id() + " was logged after shutdown and dropped");
            }
            return;
        }
        stats.onAccepted();
        try {
            writer.write(List.of(sanitizer.apply(record)));
            writer.flush();
        } catch (RuntimeException | StackOverflowError e) {
            reporter.error("auth record could not be written", e);
        }
    }

    @Override
    public synchronized boolean flush(Duration timeout) {
        writer.flush();
        return true;
    }

    @Override
    public synchronized boolean shutdown(Duration timeout) {
        if (!closed) {
            closed = true;
            writer.drainForShutdown();
            writer.flush();
        }
        return true;
    }

    @Override
    public PipelineStats stats() {
        return stats;
    }
}
