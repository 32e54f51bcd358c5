package io.gatewaylog.sink.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.Measurement;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayLogMetricsTest {
    private final TestStatistics stats = new TestStatistics();
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void publishesEachComponentsCountersWithPrometheusNames() {
        TestStatistics.Counters api = stats.of(LogComponent.API);
        api.accepted = 12;
        api.written = 10;
        api.buffered = 2;
        api.capacity = 5000;
        api.flushes = 4;
        GatewayLogMetrics.create(stats).bindTo(prometheus);

        Scrape s = Scrape.of(prometheus);
        assertThat(s.value("gateway_log_records_accepted_total", "component", "api"))
                .isEqualTo(12.0);
        assertThat(s.value("gateway_log_records_written_total", "component", "api"))
                .isEqualTo(10.0);
        assertThat(s.value("gateway_log_buffer_records", "component", "api")).isEqualTo(2.0);
        assertThat(s.value("gateway_log_buffer_capacity", "component", "api")).isEqualTo(5000.0);
        assertThat(s.value("gateway_log_flushes_total", "component", "api")).isEqualTo(4.0);
        assertThat(s.value("gateway_log_records_written_total", "component", "protocol"))
                .isEqualTo(0.0);
        assertThat(s.seriesOf("gateway_log_records_written_total")).hasSize(LogComponent.values().length);
    }

    @Test
    void publishesRecordsByComponentAndLevelLiveAndAtZeroForStatisticsWithoutLevels() {
        GatewayLogMetrics.create(stats).bindTo(prometheus);
        Scrape before = Scrape.of(prometheus);
        assertThat(before.seriesOf("gateway_log_records_total"))
                .hasSize(LogComponent.values().length * Level.values().length)
                .allSatisfy((k, v) -> assertThat(v).isZero());

        stats.of(LogComponent.AUTH).byLevel = Map.of(Level.ERROR, 3L, Level.INFO, 40L);
        Scrape s = Scrape.of(prometheus);
        assertThat(s.value("gateway_log_records_total", "component", "auth", "level", "ERROR"))
                .isEqualTo(3.0);
        assertThat(s.value("gateway_log_records_total", "component", "auth", "level", "INFO"))
                .isEqualTo(40.0);
        assertThat(s.value("gateway_log_records_total", "component", "auth", "level", "WARN"))
                .isEqualTo(0.0);
        assertThat(s.text).contains("# TYPE gateway_log_records_total counter");
    }

    @Test
    void valuesAreReadLiveAtEachScrape() {
        GatewayLogMetrics.create(stats).bindTo(prometheus);
        stats.of(LogComponent.PROTOCOL).written = 7;
        assertThat(Scrape.of(prometheus).value("gateway_log_records_written_total", "component", "protocol"))
                .isEqualTo(7.0);
        stats.of(LogComponent.PROTOCOL).written = 9;
        assertThat(Scrape.of(prometheus).value("gateway_log_records_written_total", "component", "protocol"))
                .isEqualTo(9.0);
    }

    @Test
    void dropsAndSinkErrorsShowUpByReason() {
        TestStatistics.Counters auth = stats.of(LogComponent.AUTH);
        auth.dropped.put("overflow", 3L);
        auth.dropped.put("shutdown", 1L);
        auth.sinkErrors = 2;
        GatewayLogMetrics.create(stats).bindTo(prometheus);

        Scrape s = Scrape.of(prometheus);
        assertThat(s.value("gateway_log_records_dropped_total", "component", "auth", "reason", "overflow"))
                .isEqualTo(3.0);
        assertThat(s.value("gateway_log_records_dropped_total", "component", "auth", "reason", "shutdown"))
                .isEqualTo(1.0);
        // the standard reasons exist at zero, so alert expressions always have a series
        assertThat(s.value("gateway_log_records_dropped_total", "component", "auth", "reason", "sink_failure"))
                .isEqualTo(0.0);
        assertThat(s.value("gateway_log_records_dropped_total", "component", "api", "reason", "overflow"))
                .isEqualTo(0.0);
        assertThat(s.value("gateway_log_sink_errors_total", "component", "auth"))
                .isEqualTo(2.0);
    }

    @Test
    void flushLatencyIsATimerWithPercentilesFedByTheFlushListener() {
        GatewayLogMetrics.create(stats).bindTo(prometheus);
        stats.flush(LogComponent.METRICS, 100, 2_000_000);
        stats.flush(LogComponent.METRICS, 50, 4_000_000);

        Scrape s = Scrape.of(prometheus);
        assertThat(s.value("gateway_log_flush_latency_seconds_count", "component", "metrics"))
                .isEqualTo(2.0);
        assertThat(s.value("gateway_log_flush_latency_seconds_sum", "component", "metrics"))
                .isEqualTo(0.006);
        assertThat(s.value("gateway_log_flush_latency_seconds_max", "component", "metrics"))
                .isEqualTo(0.004);
        assertThat(s.value("gateway_log_flush_latency_seconds", "component", "metrics", "quantile", "0.99"))
                .isPositive();
        assertThat(s.value("gateway_log_flush_latency_seconds_count", "component", "api"))
                .isEqualTo(0.0);
    }

    @Test
    void sinkAndJobMeasurementsBecomeMetersWithTheirTagsAndUnits() {
        stats.withSinkMeasurements();
        GatewayLogMetrics.create(stats).bindTo(prometheus);

        Scrape s = Scrape.of(prometheus);
        assertThat(s.value("gateway_log_file_bytes_written_total", "component", "protocol"))
                .isEqualTo(4096.0);
        assertThat(s.value("gateway_log_file_rotations_total", "component", "api"))
                .isEqualTo(2.0);
        assertThat(s.value("gateway_log_file_compression_time_seconds_total", "component", "api"))
                .isEqualTo(0.25);
        assertThat(s.value("gateway_log_syslog_reconnects_total")).isEqualTo(3.0);
        assertThat(s.value("gateway_log_syslog_failovers_total")).isEqualTo(1.0);
        assertThat(s.value("gateway_log_disk_usage_ratio")).isEqualTo(0.42);
        assertThat(s.value("gateway_log_disk_threshold_ratio")).isEqualTo(0.85);
        assertThat(s.text)
                .doesNotContain("bytes_written_bytes")
                .contains("# HELP gateway_log_file_bytes_written_total Bytes written (bytes)");
    }

    @Test
    void measurementsOfTheCoreItselfAreNotPublishedTwice() {
        stats.measurements.add(Measurement.counter(
                "gateway.log.records.written", Map.of("component", "api"), "records", "", () -> 99));
        stats.measurements.add(Measurement.counter(
                "gateway.log.sink.errors", Map.of("component", "api", "sink", "file"), "errors", "", () -> 1));
        stats.of(LogComponent.API).written = 5;
        GatewayLogMetrics.create(stats).bindTo(prometheus);

        Scrape s = Scrape.of(prometheus);
        assertThat(s.value("gateway_log_records_written_total", "component", "api"))
                .isEqualTo(5.0);
        assertThat(s.seriesOf("gateway_log_sink_errors_total")).hasSize(LogComponent.values().length);
    }

    @Test
    void measurementsAndDropReasonsThatAppearLaterArePublishedAfterAFlush() {
        GatewayLogMetrics.create(stats).bindTo(prometheus);
        stats.withSinkMeasurements();
        stats.of(LogComponent.SYSTEM).dropped.put("rejected", 5L);
        assertThat(Scrape.of(prometheus).value("gateway_log_disk_usage_ratio")).isNull();

        stats.flush(LogComponent.SYSTEM, 1, 1000); // the first flush re-syncs

        Scrape s = Scrape.of(prometheus);
        assertThat(s.value("gateway_log_disk_usage_ratio")).isEqualTo(0.42);
        assertThat(s.value("gateway_log_records_dropped_total", "component", "system", "reason", "rejected"))
                .isEqualTo(5.0);
    }

    @Test
    void bindingTheSameRegistryTwiceCountsEachFlushOnce() {
        GatewayLogMetrics metrics = GatewayLogMetrics.create(stats);
        metrics.bindTo(prometheus);
        metrics.bindTo(prometheus);
        stats.flush(LogComponent.API, 1, 1000);

        assertThat(stats.listeners).hasSize(1);
        assertThat(Scrape.of(prometheus).value("gateway_log_flush_latency_seconds_count", "component", "api"))
                .isEqualTo(1.0);
    }

    @Test
    void oneBinderFeedsSeveralRegistries() {
        PrometheusMeterRegistry other = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GatewayLogMetrics metrics = GatewayLogMetrics.create(stats);
        metrics.bindTo(prometheus);
        metrics.bindTo(other);
        stats.flush(LogComponent.INFRA, 1, 1000);

        assertThat(Scrape.of(prometheus).value("gateway_log_flush_latency_seconds_count", "component", "infra"))
                .isEqualTo(1.0);
        assertThat(Scrape.of(other).value("gateway_log_flush_latency_seconds_count", "component", "infra"))
                .isEqualTo(1.0);
    }
}
