package io.gatewaylog.sink.metrics;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogContext;
import io.gatewaylog.api.spi.LoggingBackend;
import io.gatewaylog.core.GatewayLogBackend;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A run through the real core backend that exercises every component at every level, metric records
 * (accepted and refused, among them those the dashboard's gateway section reads), a sink error and records dropped at shutdown; the metrics sink is found by ServiceLoader.
 */
final class AllComponentsRun {
    /** One record per level. */
    static final int RECORDS_PER_COMPONENT = Level.values().length;
    /** The metric records logged (of which two are refused). */
    static final int METRIC_RECORDS = 8;

    static final int DROPPED_AFTER_SHUTDOWN = 3;

    final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final LoggingBackend backend;

    AllComponentsRun(Path dir, Map<String, String> settings) {
        backend = GatewayLogBackend.builder()
                .setting("dir", dir.toString())
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("flush.interval", "20ms")
                .setting("level", "TRACE")
                .setting("sink.metrics.max-tag-sets", "2")
                .settings(settings)
                .sink(new FileLikeSink())
                .bindGlobalContext(false)
                .build();
    }

    /** Binds the meters, logs everything, flushes, shuts down and logs a few records too late. */
    AllComponentsRun run() {
        GatewayLogMetrics.create(backend.statistics()).bindTo(prometheus);
        for (LogComponent c : LogComponent.values()) {
            if (c == LogComponent.METRICS) {
                continue;
            }
            // one record at each level, so every gateway_log_records_total{level} series has counted something
            for (int i = 0; i < RECORDS_PER_COMPONENT; i++) {
                backend.logger(c, "test")
                        .at(Level.values()[i])
                        .field("request_id", "r" + i)
                        .log("record " + i);
            }
        }
        try (LogContext.Scope scope =
                LogContext.with("customer_id", "customer_123").open()) {
            var metrics = backend.logger(LogComponent.METRICS, "metrics");
            metrics.info(
                    "rate",
                    Map.of(
                            "metric_name",
                            "message_processing_rate",
                            "metric_value",
                            1000,
                            "metric_unit",
                            "msgs/sec",
                            "message_type",
                            "ogx"));
            metrics.info("latency", Map.of("metric_name", "message_latency", "metric_value", 120, "metric_unit", "ms"));
            // what the dashboard's gateway section reads, as the demo logs them
            metrics.metric("api_latency", 42, "ms", Map.of("endpoint", "/api/v1/messages"));
            metrics.metric("token_refreshes", 1, null, Map.of("metric_type", "counter", "outcome", "success"));
            for (int i = 0; i < 4; i++) {
                metrics.info(
                        "processed",
                        Map.of(
                                "metric_name",
                                "messages_processed",
                                "metric_value",
                                10,
                                "metric_type",
                                "counter",
                                "queue",
                                "q" + i));
            }
        }
        if (!backend.flush(Duration.ofSeconds(10))) {
            throw new AssertionError("flush timed out");
        }
        backend.shutdown(Duration.ofSeconds(10));
        for (int i = 0; i < DROPPED_AFTER_SHUTDOWN; i++) {
            backend.logger(LogComponent.API, "test").info("too late");
        }
        return this;
    }

    Scrape scrape() {
        return Scrape.of(prometheus);
    }
}
