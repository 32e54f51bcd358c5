package io.gatewaylog.sink.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped Grafana dashboard and Prometheus rules parse, and query only meters that exist. */
class DashboardAndAlertsTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern METRIC = Pattern.compile("\\bgateway_log_[a-z0-9_]+");

    @TempDir
    static Path dir;
    static Set<String> scraped;

    @BeforeAll
    static void runEveryComponent() {
        scraped = new AllComponentsRun(dir, Map.of("sink.metrics.global-registry", "false")).run().scrape().names;
    }

    @Test
    void theDashboardParsesAndEveryQueriedMetricExists() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DOCS.resolve("grafana/gateway-log-dashboard.json").toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("gateway-log");
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
                assertThat(panel.path("description").asText()).as(panel.path("title").asText()).isNotBlank();
            }
            panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
        }
        dashboard.path("templating").path("list").forEach(v -> exprs.add(v.path("definition").asText()));

        Set<String> queried = metricNames(exprs);
        assertThat(queried).contains("gateway_log_records_dropped_total", "gateway_log_buffer_records",
                "gateway_log_flush_latency_seconds", "gateway_log_sink_errors_total", "gateway_log_disk_usage_ratio",
                "gateway_log_disk_threshold_ratio", "gateway_log_file_bytes_written_total",
                "gateway_log_file_rotations_total", "gateway_log_metrics_refused_total");
        assertThat(scraped).containsAll(queried);
    }

    @Test
    void theAlertRulesParseAndEveryQueriedMetricExists() throws IOException {
        JsonNode rules = new YAMLMapper().readTree(DOCS.resolve("prometheus/gateway-log-alerts.yml").toFile());
        List<String> exprs = new ArrayList<>();
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : rules.path("groups")) {
            assertThat(group.path("name").asText()).isNotBlank();
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                assertThat(alert).isNotBlank();
                assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("info", "warning", "critical");
                assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotBlank();
                assertThat(rule.path("annotations").path("description").asText()).as(alert).isNotBlank();
                if (rule.has("for")) {
                    assertThat(rule.path("for").asText()).as(alert).matches("\\d+[smh]");
                }
                alerts.add(alert);
                exprs.add(rule.path("expr").asText());
            }
        }
        assertThat(alerts).contains("GatewayLogRecordsDropped", "GatewayLogBufferNearlyFull", "GatewayLogFlushSlow",
                "GatewayLogSinkErrors", "GatewayLogDiskNearThreshold");
        Set<String> queried = metricNames(exprs);
        assertThat(queried).isNotEmpty();
        assertThat(scraped).containsAll(queried);
    }

    private static Set<String> metricNames(List<String> exprs) {
        Set<String> names = new TreeSet<>();
        for (String e : exprs) {
            Matcher m = METRIC.matcher(e);
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }
}
