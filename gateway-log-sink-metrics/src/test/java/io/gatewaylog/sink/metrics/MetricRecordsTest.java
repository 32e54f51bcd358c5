package io.gatewaylog.sink.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.LogSink;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricRecordsTest {
    private final TestStatistics stats = new TestStatistics();
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private TestSinkContext context;
    private LogSink sink;

    private LogSink sink(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of("sink.metrics.global-registry", "false"));
        all.putAll(settings);
        context = new TestSinkContext(stats, all);
        sink = new MetricsSinkProvider().create(context);
        GatewayLogMetrics.create(stats).bindTo(prometheus);
        return sink;
    }

    @AfterEach
    void close() throws Exception {
        if (sink != null) {
            sink.close();
        }
    }

    private static LogRecord metric(Map<String, ?> fields) {
        return metric(fields, Map.of());
    }

    private static LogRecord metric(Map<String, ?> fields, Map<String, String> context) {
        return LogRecord.builder(Level.INFO, LogComponent.METRICS, "metrics")
                .fields(fields)
                .context(context)
                .build();
    }

    @Test
    void isNamedMetricsAndTakesOnlyTheMetricsComponent() {
        LogSink s = sink(Map.of());
        assertThat(s.name()).isEqualTo("metrics");
        for (LogComponent c : LogComponent.values()) {
            assertThat(s.accepts(c)).as(c.id()).isEqualTo(c == LogComponent.METRICS);
        }
    }

    @Test
    void aRecordWithoutTypeOrTimeUnitIsAGaugeTaggedByItsFieldsAndContext() throws Exception {
        sink(Map.of())
                .write(List.of(metric(
                        Map.of(
                                "metric_name",
                                "message_processing_rate",
                                "metric_value",
                                1000,
                                "metric_unit",
                                "msgs/sec",
                                "message_type",
                                "ogx"),
                        Map.of("customer_id", "customer_123", "asset_id", "gateway_1"))));

        Scrape s = Scrape.of(prometheus);
        assertThat(s.value(
                        "message_processing_rate",
                        "message_type",
                        "ogx",
                        "customer_id",
                        "customer_123",
                        "asset_id",
                        "gateway_1"))
                .isEqualTo(1000.0);
        assertThat(s.text).contains("# HELP message_processing_rate gateway metric record (unit: msgs/sec)");
    }

    @Test
    void aGaugeShowsTheLatestValue() throws Exception {
        LogSink s = sink(Map.of());
        s.write(List.of(metric(Map.of("metric_name", "queue_depth", "metric_value", 10))));
        s.write(List.of(metric(Map.of("metric_name", "queue_depth", "metric_value", "4.5"))));
        assertThat(Scrape.of(prometheus).value("queue_depth")).isEqualTo(4.5);
    }

    @Test
    void aCounterAddsUpItsValues() throws Exception {
        LogSink s = sink(Map.of());
        s.write(List.of(
                metric(Map.of(
                        "metric_name",
                        "messages_processed",
                        "metric_value",
                        100,
                        "metric_type",
                        "counter",
                        "queue",
                        "a")),
                metric(Map.of(
                        "metric_name",
                        "messages_processed",
                        "metric_value",
                        50L,
                        "metric_type",
                        "COUNTER",
                        "queue",
                        "a")),
                metric(Map.of("metric_name", "messages_processed", "metric_value", 7, "queue", "b"))));
        Scrape scrape = Scrape.of(prometheus);
        assertThat(scrape.value("messages_processed_total", "queue", "a")).isEqualTo(150.0);
        assertThat(scrape.value("messages_processed_total", "queue", "b")).isEqualTo(7.0);
    }

    @Test
    void aTimeUnitMakesATimerInSeconds() throws Exception {
        LogSink s = sink(Map.of());
        s.write(List.of(
                metric(Map.of("metric_name", "request_latency", "metric_value", 250, "metric_unit", "ms")),
                metric(Map.of("metric_name", "request_latency", "metric_value", 0.5, "metric_unit", "s")),
                metric(Map.of("metric_name", "request_latency", "metric_value", 1500, "metric_type", "timer"))));
        Scrape scrape = Scrape.of(prometheus);
        assertThat(scrape.value("request_latency_seconds_count")).isEqualTo(3.0);
        assertThat(scrape.value("request_latency_seconds_sum")).isEqualTo(2.25);
        assertThat(scrape.value("request_latency_seconds_max")).isEqualTo(1.5);
    }

    @Test
    void aDistributionRecordsEachValue() throws Exception {
        LogSink s = sink(Map.of());
        s.write(List.of(
                metric(Map.of(
                        "metric_name",
                        "payload_size",
                        "metric_value",
                        100,
                        "metric_unit",
                        "bytes",
                        "metric_type",
                        "distribution")),
                metric(Map.of("metric_name", "payload_size", "metric_value", 300, "metric_unit", "bytes"))));
        Scrape scrape = Scrape.of(prometheus);
        assertThat(scrape.value("payload_size_count")).isEqualTo(2.0);
        assertThat(scrape.value("payload_size_sum")).isEqualTo(400.0);
        assertThat(scrape.value("payload_size_max")).isEqualTo(300.0);
    }

    @Test
    void tagsSkipNullsNestedValuesAndPerRequestIdsAndFieldsWinOverContext() throws Exception {
        Map<String, Object> fields = new HashMap<>();
        fields.put("metric_name", "throughput");
        fields.put("metric_value", 5);
        fields.put("region", "eu");
        fields.put("nothing", null);
        fields.put("nested", Map.of("a", 1));
        fields.put("list", List.of(1, 2));
        fields.put("retry", true);
        sink(Map.of()).write(List.of(metric(fields, Map.of("region", "us", "request_id", "r-1", "customer_id", "c1"))));

        assertThat(Scrape.of(prometheus).seriesOf("throughput"))
                .containsOnlyKeys("throughput{customer_id=\"c1\",region=\"eu\",retry=\"true\"}");
    }

    @Test
    void theFirstRecordFixesAMetricsTagKeys() throws Exception {
        LogSink s = sink(Map.of());
        s.write(List.of(
                metric(Map.of("metric_name", "sessions", "metric_value", 1, "region", "eu")),
                metric(Map.of("metric_name", "sessions", "metric_value", 2)),
                metric(Map.of("metric_name", "sessions", "metric_value", 3, "region", "us", "node", "n1"))));
        Scrape scrape = Scrape.of(prometheus);
        assertThat(scrape.value("sessions", "region", "eu")).isEqualTo(1.0);
        assertThat(scrape.value("sessions", "region", "us")).isEqualTo(3.0);
        assertThat(scrape.seriesOf("sessions")).hasSize(3);
        assertThat(context.warnings)
                .anySatisfy(w -> assertThat(w).contains("sessions").contains("[node]"));
    }

    @Test
    void theCardinalityGuardCapsTagSetsPerNameCountsAndReportsOnce() throws Exception {
        LogSink s = sink(Map.of("sink.metrics.max-tag-sets", "3"));
        List<LogRecord> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(metric(Map.of(
                    "metric_name",
                    "per_customer",
                    "metric_value",
                    i,
                    "metric_type",
                    "counter",
                    "customer_id",
                    "c" + i)));
        }
        batch.add(metric(Map.of(
                "metric_name", "per_customer", "metric_value", 1, "metric_type", "counter", "customer_id", "c0")));
        batch.add(metric(Map.of("metric_name", "other_metric", "metric_value", 1, "customer_id", "c9")));
        s.write(batch);

        Scrape scrape = Scrape.of(prometheus);
        assertThat(scrape.seriesOf("per_customer_total")).hasSize(3);
        assertThat(scrape.value("per_customer_total", "customer_id", "c0")).isEqualTo(1.0);
        assertThat(scrape.value("gateway_log_metrics_refused_total", "metric", "per_customer", "reason", "cardinality"))
                .isEqualTo(7.0);
        assertThat(scrape.value("other_metric", "customer_id", "c9")).isEqualTo(1.0);
        assertThat(context.warnings)
                .filteredOn(w -> w.contains("per_customer"))
                .hasSize(1)
                .first()
                .asString()
                .contains("sink.metrics.max-tag-sets=3");
    }

    @Test
    void theNumberOfMetricNamesIsCappedToo() throws Exception {
        LogSink s = sink(Map.of("sink.metrics.max-names", "2"));
        for (int i = 0; i < 5; i++) {
            s.write(List.of(metric(Map.of("metric_name", "m" + i, "metric_value", i))));
        }
        Scrape scrape = Scrape.of(prometheus);
        assertThat(scrape.value("m1")).isEqualTo(1.0);
        assertThat(scrape.value("m2")).isNull();
        assertThat(scrape.seriesOf("gateway_log_metrics_refused_total").values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isEqualTo(3.0);
    }

    @Test
    void badRecordsAreRefusedAndCountedByReason() throws Exception {
        LogSink s = sink(Map.of());
        s.write(List.of(
                metric(Map.of("metric_name", "latency", "metric_value", "fast")),
                metric(Map.of("metric_name", "hits", "metric_value", 1, "metric_type", "counter")),
                metric(Map.of("metric_name", "hits", "metric_value", -1, "metric_type", "counter")),
                metric(Map.of("metric_name", "hits", "metric_value", 1, "metric_type", "gauge")),
                metric(Map.of("metric_name", "odd", "metric_value", 1, "metric_type", "histogram2")),
                metric(Map.of("metric_name", " ", "metric_value", 1)),
                LogRecord.builder(Level.INFO, LogComponent.METRICS, "m")
                        .message("not a metric")
                        .build()));

        Scrape scrape = Scrape.of(prometheus);
        assertThat(scrape.value("hits_total")).isEqualTo(1.0);
        assertThat(scrape.value("gateway_log_metrics_refused_total", "metric", "latency", "reason", "invalid_value"))
                .isEqualTo(1.0);
        assertThat(scrape.value("gateway_log_metrics_refused_total", "metric", "hits", "reason", "invalid_value"))
                .isEqualTo(1.0);
        assertThat(scrape.value("gateway_log_metrics_refused_total", "metric", "hits", "reason", "type_conflict"))
                .isEqualTo(1.0);
        assertThat(scrape.value("gateway_log_metrics_refused_total", "metric", "odd", "reason", "invalid_type"))
                .isEqualTo(1.0);
        assertThat(scrape.value("gateway_log_metrics_refused_total", "metric", "", "reason", "invalid_name"))
                .isEqualTo(1.0);
        assertThat(context.warnings).hasSize(5);
    }

    @Test
    void aNameTheRegistryAlreadyHasAsAnotherTypeIsRefusedNotThrown() throws Exception {
        prometheus.counter("taken");
        sink(Map.of())
                .write(List.of(metric(Map.of("metric_name", "taken", "metric_value", 1, "metric_type", "gauge"))));
        // Micrometer either refuses (counted) or keeps the existing meter; the sink never throws
        assertThat(Scrape.of(prometheus).value("taken_total")).isEqualTo(0.0);
    }

    @Test
    void recordMetersGoToRegistriesBoundLaterToo() throws Exception {
        LogSink s = sink(Map.of());
        s.write(List.of(metric(Map.of("metric_name", "late_gauge", "metric_value", 3))));
        PrometheusMeterRegistry later = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GatewayLogMetrics.create(stats).bindTo(later);
        assertThat(Scrape.of(later).value("late_gauge")).isEqualTo(3.0);
        s.write(List.of(metric(Map.of("metric_name", "late_gauge", "metric_value", 8))));
        assertThat(Scrape.of(later).value("late_gauge")).isEqualTo(8.0);
        assertThat(Scrape.of(prometheus).value("late_gauge")).isEqualTo(8.0);
    }

    @Test
    void aFieldThatCannotBeReadRefusesOnlyItsRecord() throws Exception {
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        LogSink s = sink(Map.of());
        s.write(List.of(
                metric(Map.of("metric_name", "fine", "metric_value", 1, "weird", hostile)),
                metric(Map.of("metric_name", "fine", "metric_value", 2))));
        Scrape scrape = Scrape.of(prometheus);
        assertThat(scrape.value("fine")).isEqualTo(2.0);
        assertThat(scrape.value("gateway_log_metrics_refused_total", "metric", "_other", "reason", "error"))
                .isEqualTo(1.0);
    }

    @Test
    void anInvalidSettingFailsStartUpNamingIt() {
        assertThatThrownBy(() -> sink(Map.of("sink.metrics.max-tag-sets", "0")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("sink.metrics.max-tag-sets");
    }
}
