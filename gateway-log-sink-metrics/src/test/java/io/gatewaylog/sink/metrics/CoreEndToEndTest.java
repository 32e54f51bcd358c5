package io.gatewaylog.sink.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LoggingBackend;
import io.gatewaylog.core.GatewayLogBackend;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void recordsOfEveryComponentMetricRecordsDropsAndErrorsShowUpInTheScrape() {
        Scrape s = new AllComponentsRun(dir, Map.of("sink.metrics.global-registry", "false"))
                .run()
                .scrape();

        for (LogComponent c : LogComponent.values()) {
            if (c != LogComponent.METRICS) {
                assertThat(s.value("gateway_log_records_written_total", "component", c.id()))
                        .as(c.id())
                        .isEqualTo(AllComponentsRun.RECORDS_PER_COMPONENT);
                assertThat(s.value("gateway_log_file_bytes_written_total", "component", c.id()))
                        .as(c.id())
                        .isPositive();
            }
        }
        assertThat(s.value("gateway_log_records_accepted_total", "component", "metrics"))
                .isEqualTo(AllComponentsRun.METRIC_RECORDS);
        // by level: one of each per component; records logged after shutdown are not accepted
        for (LogComponent c : LogComponent.values()) {
            for (Level level : Level.values()) {
                double expected =
                        c != LogComponent.METRICS ? 1 : level == Level.INFO ? AllComponentsRun.METRIC_RECORDS : 0;
                assertThat(s.value("gateway_log_records_total", "component", c.id(), "level", level.name()))
                        .as(c.id() + " " + level)
                        .isEqualTo(expected);
            }
        }
        assertThat(s.seriesOf("gateway_log_records_total"))
                .hasSize(LogComponent.values().length * Level.values().length);
        assertThat(s.value("gateway_log_records_dropped_total", "component", "api", "reason", "shutdown"))
                .isEqualTo(AllComponentsRun.DROPPED_AFTER_SHUTDOWN);
        assertThat(s.seriesOf("gateway_log_sink_errors_total").values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isEqualTo(1.0);
        assertThat(s.value("gateway_log_flush_latency_seconds_count", "component", "protocol"))
                .isPositive();
        assertThat(s.value("gateway_log_disk_usage_ratio")).isEqualTo(0.5);

        // metric records: tags from fields and the thread's context; request ids are never tags
        assertThat(s.value("message_processing_rate", "customer_id", "customer_123", "message_type", "ogx"))
                .isEqualTo(1000.0);
        assertThat(s.value("message_latency_seconds_sum", "customer_id", "customer_123"))
                .isEqualTo(0.12);
        assertThat(s.seriesOf("messages_processed_total")).hasSize(2);
        assertThat(s.value("api_latency_seconds_sum", "customer_id", "customer_123", "endpoint", "/api/v1/messages"))
                .isEqualTo(0.042);
        assertThat(s.value("token_refreshes_total", "customer_id", "customer_123", "outcome", "success"))
                .isEqualTo(1.0);
        assertThat(s.value(
                        "gateway_log_metrics_refused_total", "metric", "messages_processed", "reason", "cardinality"))
                .isEqualTo(2.0);
    }

    @Test
    void withoutABindingTheGlobalRegistryGetsEverythingUntilTheApplicationBindsItsOwn() {
        PrometheusMeterRegistry global = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(global);
        try {
            LoggingBackend backend = GatewayLogBackend.builder()
                    .setting("dir", dir.toString())
                    .setting("console.enabled", "false")
                    .setting("shutdown.hook", "false")
                    .setting("flush.interval", "20ms")
                    .bindGlobalContext(false)
                    .build();
            try {
                backend.logger(LogComponent.SYSTEM, "t").info("hello");
                backend.logger(LogComponent.METRICS, "t")
                        .info("m", Map.of("metric_name", "global_gauge", "metric_value", 7));
                backend.flush(Duration.ofSeconds(10));

                Scrape before = Scrape.of(global);
                assertThat(before.value("gateway_log_records_accepted_total", "component", "system"))
                        .isEqualTo(1.0);
                assertThat(before.value("global_gauge")).isEqualTo(7.0);

                PrometheusMeterRegistry own = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                GatewayLogMetrics.create(backend.statistics()).bindTo(own);

                assertThat(Scrape.of(global).names)
                        .noneMatch(n -> n.startsWith("gateway_log") || n.startsWith("global_gauge"));
                Scrape after = Scrape.of(own);
                assertThat(after.value("gateway_log_records_accepted_total", "component", "system"))
                        .isEqualTo(1.0);
                assertThat(after.value("global_gauge")).isEqualTo(7.0);
            } finally {
                backend.shutdown(Duration.ofSeconds(10));
            }
        } finally {
            Metrics.removeRegistry(global);
        }
    }

    @Test
    void closingTheBackendLeavesTheGlobalRegistryClean() {
        PrometheusMeterRegistry global = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(global);
        try {
            LoggingBackend backend = GatewayLogBackend.builder()
                    .setting("dir", dir.toString())
                    .setting("console.enabled", "false")
                    .setting("shutdown.hook", "false")
                    .bindGlobalContext(false)
                    .build();
            backend.logger(LogComponent.METRICS, "t")
                    .info("m", Map.of("metric_name", "short_lived", "metric_value", 1));
            backend.flush(Duration.ofSeconds(10));
            assertThat(Scrape.of(global).names).contains("short_lived", "gateway_log_records_written_total");

            backend.shutdown(Duration.ofSeconds(10));

            assertThat(Scrape.of(global).names)
                    .noneMatch(n -> n.startsWith("gateway_log") || n.startsWith("short_lived"));
        } finally {
            Metrics.removeRegistry(global);
        }
    }
}
