package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LoggingStatistics.FlushListener;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.core.internal.config.ComponentConfig;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Builds a component's pipeline: synchronous for {@code sync=true} (auth), buffered otherwise. */
public final class Pipelines {
    private Pipelines() {}

    public static Pipeline create(
            ComponentConfig config,
            List<LogSink> sinks,
            UnaryOperator<LogRecord> sanitizer,
            List<FlushListener> flushListeners,
            Reporter reporter) {
        String policy = config.overflow().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Function<PipelineStats, BatchWriter> writers = stats -> new BatchWriter(
                stats, sinks, flushListeners, reporter, config.bufferMax(), config.bufferMaxBytes(), policy);
        SafeSanitizer safe = new SafeSanitizer(sanitizer, reporter);
        return config.sync()
                ? new SyncPipeline(config, List.copyOf(sinks), writers, safe, reporter)
                : new AsyncPipeline(config, List.copyOf(sinks), writers, safe, reporter);
    }
}
