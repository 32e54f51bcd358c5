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

/**
 * The shipped Grafana dashboard and Prometheus rules parse, and every query finds data in the scrape of a
 * real run (backend, metrics sink, Prometheus registry): each metric name it selects exists, each exact
 * label matcher ({@code level="ERROR"}) matches a series, and each label it groups by is carried.
 */
class DashboardAndAlertsTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern LABEL_VALUES =
            Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,\\s*\\w+\\s*\\)");

    @TempDir
    static Path dir;

    static Scrape scrape;
    static Set<String> scraped;

    @BeforeAll
    static void runEveryComponent() {
        scrape = new AllComponentsRun(dir, Map.of("sink.metrics.global-registry", "false"))
                .run()
                .scrape();
        scraped = scrape.names;
    }

    @Test
    void theDashboardParsesAndEveryQueriedMetricExists() throws IOException {
        JsonNode dashboard = new ObjectMapper()
                .readTree(DOCS.resolve("grafana/gateway-log-dashboard.json").toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("gateway-log");
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("targets").size())
                        .as(panel.path("title").asText())
                        .isPositive();
                assertThat(panel.path("description").asText())
                        .as(panel.path("title").asText())
                        .isNotBlank();
            }
            panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                Matcher m = LABEL_VALUES.matcher(variable.path("definition").asText());
                assertThat(m.matches()).as(variable.path("definition").asText()).isTrue();
                exprs.add(m.group(1));
            }
        }

        assertFindData(exprs);
        Set<String> queried = PromQlQuery.namesOf(exprs);
        assertThat(queried)
                .contains(
                        "gateway_log_records_dropped_total",
                        "gateway_log_buffer_records",
                        "gateway_log_flush_latency_seconds",
                        "gateway_log_sink_errors_total",
                        "gateway_log_disk_usage_ratio",
                        "gateway_log_disk_threshold_ratio",
                        "gateway_log_file_bytes_written_total",
                        "gateway_log_file_rotations_total",
                        "gateway_log_metrics_refused_total",
                        // the gateway section
                        "gateway_log_records_total",
                        "message_processing_rate",
                        "api_latency_seconds_sum",
                        "api_latency_seconds_count",
                        "api_latency_seconds_max",
                        "token_refreshes_total");
        assertThat(scraped).containsAll(queried);
    }

    @Test
    void theAlertRulesParseAndEveryQueriedMetricExists() throws IOException {
        JsonNode rules = new YAMLMapper()
                .readTree(DOCS.resolve("prometheus/gateway-log-alerts.yml").toFile());
        List<String> exprs = new ArrayList<>();
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : rules.path("groups")) {
            assertThat(group.path("name").asText()).isNotBlank();
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                assertThat(alert).isNotBlank();
                assertThat(rule.path("labels").path("severity").asText())
                        .as(alert)
                        .isIn("info", "warning", "critical");
                assertThat(rule.path("annotations").path("summary").asText())
                        .as(alert)
                        .isNotBlank();
                assertThat(rule.path("annotations").path("description").asText())
                        .as(alert)
                        .isNotBlank();
                if (rule.has("for")) {
                    assertThat(rule.path("for").asText()).as(alert).matches("\\d+[smh]");
                }
                alerts.add(alert);
                exprs.add(rule.path("expr").asText());
            }
        }
        assertThat(alerts)
                .contains(
                        "GatewayLogRecordsDropped",
                        "GatewayLogBufferNearlyFull",
                        "GatewayLogFlushSlow",
                        "GatewayLogSinkErrors",
                        "GatewayLogDiskNearThreshold",
                        "GatewayErrorRateSpike",
                        "GatewayErrorRatioHigh");
        assertFindData(exprs);
        Set<String> queried = PromQlQuery.namesOf(exprs);
        assertThat(queried).isNotEmpty();
        assertThat(scraped).containsAll(queried);
    }

    @Test
    void theQueryReaderSeesNamesMatchersAndGroupings() {
        PromQlQuery q = new PromQlQuery(
                "sum by (job, component) (rate(gateway_log_records_total{job=~\"$job\",level=\"ERROR\"}"
                        + "[$__rate_interval] offset 5m)) / (sum by (component) (rate(api_latency_seconds_count[5m])) > 0.5) and up");
        assertThat(q.names).containsExactly("gateway_log_records_total", "api_latency_seconds_count", "up");
        assertThat(q.exactMatchers).isEqualTo(Map.of("gateway_log_records_total", Map.of("level", "ERROR")));
        assertThat(q.groupingLabels).containsExactly("job", "component");
        assertThat(q.missingFrom(scrape)).containsExactly("no series up");
        assertThat(new PromQlQuery("gateway_log_records_total{level=\"FATAL\"}").missingFrom(scrape))
                .containsExactly("no series gateway_log_records_total{level=\"FATAL\"}");
        assertThat(new PromQlQuery("sum by (reason) (gateway_log_records_total)").missingFrom(scrape))
                .containsExactly("no selected series has label reason");
    }

    private static void assertFindData(List<String> exprs) {
        for (String e : exprs) {
            assertThat(new PromQlQuery(e).missingFrom(scrape)).as(e).isEmpty();
        }
    }
}
