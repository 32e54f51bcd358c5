package io.gatewaylog.sink.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogContext;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.core.GatewayLogBackend;
import io.gatewaylog.sink.file.audit.AuditVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sink.file.format=ecs} through the real backend into real files; the auth seal on ECS lines. */
class EcsFileSinkTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @TempDir
    Path root;

    private GatewayLogBackend backend(String... kv) {
        GatewayLogBackend.Builder b = GatewayLogBackend.builder()
                .setting("dir", root.toString())
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("process.name", "edge-gateway")
                .bindGlobalContext(false);
        for (int i = 0; i < kv.length; i += 2) {
            b.setting(kv[i], kv[i + 1]);
        }
        return b.build();
    }

    private List<JsonNode> lines(String component) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve(component).resolve("current.log"))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = n.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }

    private static void ecsShape(JsonNode n, String component) {
        assertThat(names(n).subList(0, 3)).containsExactly("@timestamp", "log.level", "message");
        assertThat(n.get("ecs.version").asText()).startsWith("1.");
        assertThat(n.get("service.name").asText()).isEqualTo("edge-gateway");
        assertThat(n.get("service.node.name").asText()).isEqualTo("gateway_1");
        assertThat(n.get("event.dataset").asText()).isEqualTo("gateway." + component);
        assertThat(n.get("process.pid").isIntegralNumber()).isTrue();
        assertThat(n.has("log")).isFalse();
        assertThat(n.has("ecs")).isFalse();
    }

    @Test
    void everyKindOfRecordIsWrittenAsEcsAndTheAuthSealStillVerifies() throws Exception {
        GatewayLogBackend backend = backend("sink.file.format", "ecs");
        try (LogContext.Scope scope = LogContext.with("asset_id", "gateway_1")
                .and("trace_id", "t-1")
                .and("span_id", "s-1")
                .and("request_id", "r-1")
                .open()) {
            GatewayLogger api = backend.logger(LogComponent.API, "endpoint_name");
            api.info("Request processed successfully", Map.of("customer_id", "customer_123", "host", "edge-7"));
            api.error(
                    "failed",
                    Map.of("endpoint", "/v1"),
                    new RuntimeException("outer", new IllegalStateException("inner cause")));
            GatewayLogger auth = backend.logger(LogComponent.AUTH, "login");
            for (int i = 0; i < 5; i++) {
                auth.info("login ok", Map.of("user_id", "u" + i, "password", "hunter2", "audit", "user-field"));
            }
            backend.logger(LogComponent.METRICS, "rates")
                    .info(
                            "metric",
                            Map.of(
                                    "metric_name",
                                    "message_processing_rate",
                                    "metric_value",
                                    1000,
                                    "metric_unit",
                                    "msgs/sec"));
        }
        assertThat(backend.shutdown(Duration.ofSeconds(30))).isTrue();

        List<JsonNode> api = lines("api");
        assertThat(api).hasSize(2);
        JsonNode base = api.get(0);
        ecsShape(base, "api");
        assertThat(base.get("log.level").asText()).isEqualTo("INFO");
        assertThat(base.get("log.logger").asText()).isEqualTo("endpoint_name");
        assertThat(base.get("trace.id").asText()).isEqualTo("t-1");
        assertThat(base.get("span.id").asText()).isEqualTo("s-1");
        assertThat(base.get("request_id").asText()).isEqualTo("r-1");
        assertThat(base.get("customer_id").asText()).isEqualTo("customer_123");
        assertThat(base.get("gateway").get("host").asText()).isEqualTo("edge-7");
        assertThat(base.has("host")).isFalse();
        JsonNode error = api.get(1);
        assertThat(error.get("log.level").asText()).isEqualTo("ERROR");
        assertThat(error.get("error.type").asText()).isEqualTo("java.lang.RuntimeException");
        assertThat(error.get("error.message").asText()).isEqualTo("outer");
        assertThat(error.get("error.stack_trace").asText())
                .contains("Caused by: java.lang.IllegalStateException: inner cause");

        List<JsonNode> auth = lines("auth");
        assertThat(auth).hasSize(5);
        for (JsonNode n : auth) {
            ecsShape(n, "auth");
            assertThat(n.get("password").asText())
                    .as("sanitized before encoding")
                    .doesNotContain("hunter2");
            assertThat(n.get("gateway").get("audit").asText())
                    .as("the user's field moved")
                    .isEqualTo("user-field");
            assertThat(names(n)).last().isEqualTo("audit");
            assertThat(n.get("audit").get("seq").asLong()).isPositive();
        }
        AuditVerifier.Result r = AuditVerifier.verify(root.resolve("auth"), null);
        assertThat(r.intact()).as("%s", r).isTrue();
        assertThat(r.records()).isEqualTo(5);

        JsonNode metric = lines("metrics").get(0);
        ecsShape(metric, "metrics");
        assertThat(metric.get("metric").get("name").asText()).isEqualTo("message_processing_rate");
        assertThat(metric.get("metric").get("value").asInt()).isEqualTo(1000);
        assertThat(metric.get("metric").get("unit").asText()).isEqualTo("msgs/sec");
    }

    @Test
    void formatIsPerComponentAndAnAuthTrailMayChangeFormatAcrossRestarts() throws Exception {
        GatewayLogBackend json = backend("component.api.sink.file.format", "ecs");
        json.logger(LogComponent.API, "a").info("one");
        json.logger(LogComponent.AUTH, "a").info("sealed as json");
        json.logger(LogComponent.INFRA, "a").info("json line");
        assertThat(json.shutdown(Duration.ofSeconds(30))).isTrue();
        assertThat(lines("api").get(0).has("@timestamp")).isTrue();
        assertThat(lines("infra").get(0).has("timestamp")).isTrue();

        GatewayLogBackend ecs = backend("component.auth.sink.file.format", "ecs");
        ecs.logger(LogComponent.AUTH, "a").info("sealed as ecs");
        assertThat(ecs.shutdown(Duration.ofSeconds(30))).isTrue();

        List<JsonNode> auth = lines("auth");
        assertThat(auth).hasSize(2);
        assertThat(auth.get(0).has("timestamp")).isTrue();
        assertThat(auth.get(1).has("@timestamp")).isTrue();
        AuditVerifier.Result r = AuditVerifier.verify(root.resolve("auth"), null);
        assertThat(r.intact())
                .as("the verifier reads both formats in one trail: %s", r)
                .isTrue();
        assertThat(r.records()).isEqualTo(2);
    }

    @Test
    void anInvalidFormatFailsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> backend("component.metrics.sink.file.format", "text"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("component.metrics.sink.file.format")
                .hasMessageContaining("text")
                .hasMessageContaining("json or ecs");
        assertThatThrownBy(() -> backend("sink.file.format", "xml"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'sink.file.format' = 'xml'");
    }
}
