package io.gatewaylog.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewaylog.api.ErrorInfo;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.internal.ApiAccess;
import io.gatewaylog.core.internal.json.EcsRecordEncoder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of ECS line, field by field, and each checked against the spec's table ({@link EcsSpec}). */
class EcsRecordEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final EcsRecordEncoder encoder = new EcsRecordEncoder("gateway", 1000);
    private final EcsSpec spec = EcsSpec.load();

    private static LogRecord.Builder base() {
        return LogRecord.builder()
                .epochMillis(Instant.parse("2024-01-01T12:00:00Z").toEpochMilli())
                .level(Level.INFO)
                .component(LogComponent.API)
                .logger("endpoint_name")
                .thread("main", 1);
    }

    private JsonNode line(LogRecord r) throws Exception {
        String s = new String(encoder.encode(r), StandardCharsets.UTF_8);
        assertThat(s.indexOf('\n')).as("exactly one line").isEqualTo(s.length() - 1);
        spec.check(s);
        return JSON.readTree(s);
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = n.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void baseRecordMapsEveryEcsField() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("request_id", "123");
        fields.put("endpoint", "/api/v1/messages");
        fields.put("attempts", 3);
        JsonNode n = line(base().message("Request processed successfully")
                .fields(fields)
                .context(Map.of("customer_id", "customer_123", "asset_id", "gateway_1"))
                .build());
        assertThat(names(n))
                .containsExactly(
                        "@timestamp",
                        "log.level",
                        "message",
                        "ecs.version",
                        "service.name",
                        "service.node.name",
                        "event.dataset",
                        "log.logger",
                        "process.pid",
                        "process.thread.name",
                        "customer_id",
                        "request_id",
                        "endpoint",
                        "attempts");
        assertThat(n.get("@timestamp").asText()).isEqualTo("2024-01-01T12:00:00.000Z");
        assertThat(n.get("log.level").asText()).isEqualTo("INFO");
        assertThat(n.get("message").asText()).isEqualTo("Request processed successfully");
        assertThat(n.get("ecs.version").asText()).isEqualTo(EcsRecordEncoder.ECS_VERSION);
        assertThat(n.get("service.name").asText()).isEqualTo("gateway");
        assertThat(n.get("service.node.name").asText()).isEqualTo("gateway_1");
        assertThat(n.get("event.dataset").asText()).isEqualTo("gateway.api");
        assertThat(n.get("log.logger").asText()).isEqualTo("endpoint_name");
        assertThat(n.get("process.pid").asLong())
                .isEqualTo(ProcessHandle.current().pid());
        assertThat(n.get("process.thread.name").asText()).isEqualTo("main");
        assertThat(n.get("customer_id").asText()).isEqualTo("customer_123");
        assertThat(n.get("attempts").isInt()).isTrue();
        assertThat(n.has("asset_id"))
                .as("mapped to service.node.name, not repeated")
                .isFalse();
    }

    @Test
    void everyComponentHasItsDataset() throws Exception {
        for (LogComponent c : LogComponent.values()) {
            JsonNode n = line(base().component(c).message("m").build());
            assertThat(n.get("event.dataset").asText()).isEqualTo("gateway." + c.id());
        }
    }

    @Test
    void contextTraceAndSpanBecomeTraceIdAndSpanId() throws Exception {
        JsonNode n = line(base().message("m")
                .fields(Map.of("customer_id", "c2"))
                .context(Map.of(
                        "trace_id",
                        "0af7651916cd43dd8448eb211c80319c",
                        "span_id",
                        "b7ad6b7169203331",
                        "customer_id",
                        "c1",
                        "request_id",
                        "r1"))
                .build());
        assertThat(n.get("trace.id").asText()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(n.get("span.id").asText()).isEqualTo("b7ad6b7169203331");
        assertThat(n.has("trace_id")).isFalse();
        assertThat(n.has("span_id")).isFalse();
        assertThat(n.get("request_id").asText()).isEqualTo("r1");
        assertThat(n.get("customer_id").asText())
                .as("the record's field wins, once")
                .isEqualTo("c2");
    }

    @Test
    void errorWithCausesBecomesErrorFields() throws Exception {
        IllegalStateException cause = new IllegalStateException("disk gone");
        RuntimeException top = new RuntimeException("write failed", cause);
        JsonNode n = line(ApiAccess.error(base().level(Level.ERROR).message("failed"), ErrorInfo.of(top))
                .build());
        assertThat(n.get("log.level").asText()).isEqualTo("ERROR");
        assertThat(n.get("error.type").asText()).isEqualTo("java.lang.RuntimeException");
        assertThat(n.get("error.message").asText()).isEqualTo("write failed");
        String stack = n.get("error.stack_trace").asText();
        assertThat(stack)
                .contains("java.lang.RuntimeException: write failed")
                .contains("Caused by: java.lang.IllegalStateException: disk gone")
                .contains("EcsRecordEncoderTest");
        assertThat(n.has("error")).isFalse();
    }

    @Test
    void metricRecordKeepsItsMetricObject() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("metric_name", "message_processing_rate");
        fields.put("metric_value", 1000);
        fields.put("metric_unit", "msgs/sec");
        fields.put("message_type", "ogx");
        JsonNode n = line(base().component(LogComponent.METRICS)
                .message("metric")
                .fields(fields)
                .context(Map.of("customer_id", "customer_123", "asset_id", "gateway_1"))
                .build());
        assertThat(names(n).subList(0, 3)).containsExactly("@timestamp", "log.level", "message");
        assertThat(n.get("event.dataset").asText()).isEqualTo("gateway.metrics");
        assertThat(n.get("service.node.name").asText()).isEqualTo("gateway_1");
        JsonNode m = n.get("metric");
        assertThat(m.get("name").asText()).isEqualTo("message_processing_rate");
        assertThat(m.get("value").asInt()).isEqualTo(1000);
        assertThat(m.get("unit").asText()).isEqualTo("msgs/sec");
        assertThat(m.get("tags").get("customer_id").asText()).isEqualTo("customer_123");
        assertThat(m.get("tags").get("message_type").asText()).isEqualTo("ogx");
        assertThat(n.has("metric_name")).isFalse();
        assertThat(n.has("message_type")).isFalse();
    }

    @Test
    void collidingNamesMoveIntoTheGatewayObjectNeverLost() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("host", "edge-7");
        fields.put("service", "billing");
        fields.put("process", Map.of("step", 2));
        fields.put("log.level", "fake");
        fields.put("error", "none");
        fields.put("event", "login");
        fields.put("ecs", 1);
        fields.put("trace", "t");
        fields.put("message", "shadow");
        fields.put("@timestamp", "yesterday");
        fields.put("labels", "l");
        fields.put("gateway", "g");
        fields.put("audit", "a");
        fields.put("user", "alice");
        fields.put("plain", "kept");
        JsonNode n = line(base().message("m")
                .fields(fields)
                .context(Map.of("url", "/x", "customer_id", "c1"))
                .build());
        JsonNode moved = n.get("gateway");
        assertThat(moved.isObject()).isTrue();
        assertThat(moved.get("host").asText()).isEqualTo("edge-7");
        assertThat(moved.get("service").asText()).isEqualTo("billing");
        assertThat(moved.get("process").get("step").asInt()).isEqualTo(2);
        assertThat(moved.get("log.level").asText()).isEqualTo("fake");
        assertThat(moved.get("error").asText()).isEqualTo("none");
        assertThat(moved.get("event").asText()).isEqualTo("login");
        assertThat(moved.get("ecs").asInt()).isEqualTo(1);
        assertThat(moved.get("trace").asText()).isEqualTo("t");
        assertThat(moved.get("message").asText()).isEqualTo("shadow");
        assertThat(moved.get("@timestamp").asText()).isEqualTo("yesterday");
        assertThat(moved.get("labels").asText()).isEqualTo("l");
        assertThat(moved.get("gateway").asText()).isEqualTo("g");
        assertThat(moved.get("audit").asText()).isEqualTo("a");
        assertThat(moved.get("user").asText()).isEqualTo("alice");
        assertThat(moved.get("url").asText())
                .as("a colliding context field too")
                .isEqualTo("/x");
        assertThat(n.get("plain").asText()).isEqualTo("kept");
        assertThat(n.get("customer_id").asText()).isEqualTo("c1");
        assertThat(n.get("message").asText()).isEqualTo("m");
        assertThat(n.get("log.level").asText()).isEqualTo("INFO");
        assertThat(names(n))
                .doesNotContain(
                        "host", "service", "process", "error", "event", "ecs", "trace", "labels", "audit", "user",
                        "url")
                .endsWith("gateway");
    }

    /**
     * The file sink seals an auth line by replacing its closing brace with the seal member (SealFormat);
     * the sealed line must still pass the spec check. The real seal is tested end to end in the file
     * sink's EcsFileSinkTest (AuditVerifier on ECS lines).
     */
    @Test
    void aSealedAuthLineStillFollowsTheSpec() throws Exception {
        String line = new String(
                encoder.encode(base().component(LogComponent.AUTH)
                        .logger("login")
                        .message("login ok")
                        .fields(Map.of("user_id", "u1", "audit", "user's own"))
                        .context(Map.of("asset_id", "gateway_1"))
                        .build()),
                StandardCharsets.UTF_8);
        String sealed = line.substring(0, line.length() - 2) + ",\"audit\":{\"seq\":1,\"prev\":\"" + "0".repeat(64)
                + "\",\"hash\":\"" + "a".repeat(64) + "\"}}";
        spec.check(sealed);
        JsonNode n = JSON.readTree(sealed);
        assertThat(n.get("event.dataset").asText()).isEqualTo("gateway.auth");
        assertThat(n.get("gateway").get("audit").asText()).isEqualTo("user's own");
        assertThat(names(n)).endsWith("gateway", "audit");
    }

    @Test
    void noGatewayObjectWithoutCollisionsAndNullMessageIsLeftOut() throws Exception {
        JsonNode n = line(base().message(null).fields(Map.of("a", 1)).build());
        assertThat(n.has("gateway")).isFalse();
        assertThat(n.has("message")).isFalse();
        assertThat(names(n).subList(0, 2)).containsExactly("@timestamp", "log.level");
    }

    @Test
    void hostileValuesStayOneLineAndValidJson() throws Exception {
        JsonNode n = line(
                base().message("a\nb\"c").fields(Map.of("k\n", "v\r\n\u0000")).build());
        assertThat(n.get("message").asText()).isEqualTo("a\nb\"c");
    }

    /** The spec table (src/test/resources/ecs/spec.json) and the checks it implies. */
    static final class EcsSpec {
        private final JsonNode fields;
        private final String ecsMajor;

        private EcsSpec(JsonNode spec) {
            this.fields = spec.get("fields");
            String v = spec.get("ecs").get("version").asText(); // "1.x"
            this.ecsMajor = v.substring(0, v.indexOf('.') + 1);
        }

        static EcsSpec load() {
            try (InputStream in = EcsRecordEncoderTest.class.getResourceAsStream("/ecs/spec.json")) {
                return new EcsSpec(new ObjectMapper().readTree(in));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Checks one line: required fields, types, index order, top-level dotted keys, labels' keys. */
        void check(String line) throws Exception {
            JsonNode n = JSON.readTree(line); // duplicate keys fail here
            assertThat(n.isObject()).isTrue();
            List<String> names = names(n);
            Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                JsonNode def = e.getValue();
                JsonNode value = n.get(name);
                if (def.path("required").asBoolean(false)) {
                    assertThat(value).as("required field %s in %s", name, line).isNotNull();
                }
                int dot = name.indexOf('.');
                if (dot > 0) {
                    // We write ECS fields as dotted top-level keys; the field set's name is never a
                    // top-level member of another type (the collision rule) nor a second copy.
                    JsonNode set = n.get(name.substring(0, dot));
                    assertThat(set)
                            .as("%s as a top-level key %s in %s", name.substring(0, dot), name, line)
                            .isNull();
                }
                if (value == null) {
                    continue;
                }
                String type = def.get("type").asText();
                switch (type) {
                    case "datetime" -> {
                        assertThat(value.isTextual()).as(name).isTrue();
                        assertThat(value.asText()).endsWith("Z");
                        Instant.parse(value.asText());
                    }
                    case "string" ->
                        assertThat(value.isTextual())
                                .as("%s is a string in %s", name, line)
                                .isTrue();
                    case "integer" ->
                        assertThat(value.isIntegralNumber()).as(name).isTrue();
                    case "object" -> assertThat(value.isObject()).as(name).isTrue();
                    default -> throw new AssertionError("spec type not handled by this test: " + type);
                }
                if (def.has("index")) {
                    // The fields with an index come first, in index order, before any other field.
                    int expected = 0;
                    for (Iterator<Map.Entry<String, JsonNode>> j = fields.fields(); j.hasNext(); ) {
                        Map.Entry<String, JsonNode> other = j.next();
                        if (other.getValue().has("index")
                                && other.getValue().get("index").asInt()
                                        < def.get("index").asInt()
                                && n.has(other.getKey())) {
                            expected++;
                        }
                    }
                    assertThat(names.indexOf(name))
                            .as("position of %s in %s", name, line)
                            .isEqualTo(expected);
                }
                if (def.path("top_level_field").asBoolean(false)) {
                    assertThat(names).as("%s as a top-level dotted key", name).contains(name);
                }
                if (def.has("sanitization")) {
                    for (JsonNode bad : def.get("sanitization").get("key").get("replacements")) {
                        value.fieldNames().forEachRemaining(k -> assertThat(k).doesNotContain(bad.asText()));
                    }
                }
            }
            assertThat(n.get("ecs.version").asText())
                    .as("the spec's ECS major version")
                    .startsWith(ecsMajor);
        }
    }
}
