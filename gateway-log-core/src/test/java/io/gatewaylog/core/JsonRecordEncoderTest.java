package io.gatewaylog.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.core.internal.json.JsonRecordEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRecordEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonRecordEncoder encoder = new JsonRecordEncoder("gateway", 1000);

    private static LogRecord.Builder base() {
        return LogRecord.builder()
                .epochMillis(Instant.parse("2024-01-01T12:00:00Z").toEpochMilli())
                .level(Level.INFO)
                .component(LogComponent.API)
                .logger("endpoint_name")
                .thread("main", 1);
    }

    private String line(LogRecord r) {
        String s = new String(encoder.encode(r), StandardCharsets.UTF_8);
        assertThat(s).endsWith("\n");
        assertThat(s.indexOf('\n')).as("exactly one line").isEqualTo(s.length() - 1);
        return s;
    }

    private JsonNode parse(LogRecord r) throws Exception {
        return JSON.readTree(line(r));
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = n.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void writesTheBaseFormatInSpecOrder() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("request_id", "123");
        JsonNode n = parse(base().message("Request processed successfully")
                .fields(fields)
                .context(Map.of("customer_id", "customer_123"))
                .build());
        assertThat(names(n))
                .containsExactly(
                        "timestamp",
                        "level",
                        "component",
                        "logger",
                        "customer_id",
                        "message",
                        "request_id",
                        "process",
                        "thread");
        assertThat(n.get("timestamp").asText()).isEqualTo("2024-01-01T12:00:00.000Z");
        assertThat(n.get("level").asText()).isEqualTo("INFO");
        assertThat(n.get("component").asText()).isEqualTo("api");
        assertThat(n.get("logger").asText()).isEqualTo("endpoint_name");
        assertThat(n.get("customer_id").asText()).isEqualTo("customer_123");
        assertThat(n.get("message").asText()).isEqualTo("Request processed successfully");
        assertThat(n.get("process").get("name").asText()).isEqualTo("gateway");
        assertThat(n.get("process").get("id").asLong())
                .isEqualTo(ProcessHandle.current().pid());
        assertThat(n.get("thread").get("name").asText()).isEqualTo("main");
        assertThat(n.get("thread").get("id").asLong()).isEqualTo(1);
    }

    @Test
    void keepsReservedNamesUnderAnotherNameAndFieldsBeatContext() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("level", "spoofed");
        fields.put("message", "other");
        fields.put("customer_id", "from_field");
        JsonNode n = parse(base().message("real")
                .fields(fields)
                .context(Map.of("customer_id", "from_ctx"))
                .build());
        assertThat(n.get("level").asText()).isEqualTo("INFO");
        assertThat(n.get("field_level").asText()).isEqualTo("spoofed");
        assertThat(n.get("message").asText()).isEqualTo("real");
        assertThat(n.get("field_message").asText()).isEqualTo("other");
        assertThat(n.get("customer_id").asText()).isEqualTo("from_field");
        assertThat(line(base().fields(fields)
                        .context(Map.of("customer_id", "x"))
                        .build()))
                .containsOnlyOnce("\"customer_id\"");
    }

    enum Color {
        RED
    }

    @Test
    void writesValueTypesAsJson() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("list", List.of(1, "two", true));
        fields.put("map", Map.of("k", 2.5));
        fields.put("array", new int[] {1, 2});
        fields.put("long", 12345678901L);
        fields.put("bool", false);
        fields.put("enum", Color.RED);
        fields.put("instant", Instant.parse("2024-01-01T00:00:00Z"));
        fields.put("null", null);
        fields.put("nan", Double.NaN);
        fields.put("other", new StringBuilder("sb"));
        JsonNode n = parse(base().fields(fields).build());
        assertThat(n.get("list").isArray()).isTrue();
        assertThat(n.get("list").get(1).asText()).isEqualTo("two");
        assertThat(n.get("map").get("k").asDouble()).isEqualTo(2.5);
        assertThat(n.get("array").get(1).asInt()).isEqualTo(2);
        assertThat(n.get("long").asLong()).isEqualTo(12345678901L);
        assertThat(n.get("bool").isBoolean()).isTrue();
        assertThat(n.get("enum").asText()).isEqualTo("RED");
        assertThat(n.get("instant").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(n.get("null").isNull()).isTrue();
        assertThat(n.get("nan").asText()).isEqualTo("NaN");
        assertThat(n.get("other").asText()).isEqualTo("sb");
    }

    @Test
    void writesAThrowableWithCauses() throws Exception {
        Exception e = new IllegalStateException("outer", new java.io.IOException("inner"));
        JsonNode n = parse(base().message("failed").cause(e).build());
        assertThat(n.get("error").get("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(n.get("error").get("message").asText()).isEqualTo("outer");
        assertThat(n.get("error").get("stack").asText()).contains("Caused by: java.io.IOException: inner");
        assertThat(names(n)).last().isEqualTo("error");
    }

    @Test
    void writesTheMetricsFormat() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("metric_name", "message_processing_rate");
        fields.put("metric_value", 1000);
        fields.put("metric_unit", "msgs/sec");
        fields.put("message_type", "ogx");
        JsonNode n = parse(base().component(LogComponent.METRICS)
                .fields(fields)
                .context(Map.of("customer_id", "customer_123"))
                .build());
        assertThat(names(n)).containsExactly("timestamp", "component", "metric");
        assertThat(n.get("component").asText()).isEqualTo("metrics");
        JsonNode m = n.get("metric");
        assertThat(m.get("name").asText()).isEqualTo("message_processing_rate");
        assertThat(m.get("value").isNumber()).isTrue();
        assertThat(m.get("value").asInt()).isEqualTo(1000);
        assertThat(m.get("unit").asText()).isEqualTo("msgs/sec");
        assertThat(m.get("tags").get("customer_id").asText()).isEqualTo("customer_123");
        assertThat(m.get("tags").get("message_type").asText()).isEqualTo("ogx");
    }

    // ---- bad input: each gives one valid JSON line ----

    @Test
    void nullMessageAndFields() throws Exception {
        JsonNode n = parse(base().message(null).fields(null).build());
        assertThat(n.get("message").isNull()).isTrue();
        Map<String, Object> withNulls = new HashMap<>();
        withNulls.put(null, null);
        assertThat(parse(base().fields(withNulls).build()).get("null").isNull()).isTrue();
    }

    @Test
    void hugeMessageIsTruncatedWithAMarker() throws Exception {
        String huge = "x".repeat(10 * 1024 * 1024);
        JsonNode n = parse(base().message(huge).fields(Map.of("f", huge)).build());
        assertThat(n.get("message").asText())
                .hasSizeLessThan(1100)
                .endsWith("…[truncated " + (huge.length() - 1000) + " chars]");
        assertThat(n.get("f").asText()).hasSizeLessThan(1100).contains("[truncated");
    }

    @Test
    void cyclicMapIsCut() throws Exception {
        Map<String, Object> cyclic = new HashMap<>();
        List<Object> list = new ArrayList<>();
        cyclic.put("self", cyclic);
        cyclic.put("list", list);
        list.add(list);
        list.add(cyclic);
        JsonNode n = parse(base().fields(Map.of("c", cyclic)).build());
        assertThat(n.get("c").get("self").asText()).isEqualTo("[cycle]");
        assertThat(n.get("c").get("list").get(0).asText()).isEqualTo("[cycle]");
    }

    @Test
    void throwingToStringIsDescribed() throws Exception {
        Object evil = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        };
        JsonNode n = parse(base().fields(Map.of("evil", evil)).build());
        assertThat(n.get("evil").asText())
                .startsWith("[toString() of ")
                .contains("threw java.lang.IllegalStateException");
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() throws Exception {
        String bad = "a\uD800b\uDC00c\uD83D\uDE00d";
        JsonNode n = parse(base().message(bad).fields(Map.of("k\uDFFF", bad)).build());
        assertThat(n.get("message").asText()).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00d");
        assertThat(n.get("k\uFFFD").asText()).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00d");
    }

    @Test
    void controlCharactersCannotForgeALine() throws Exception {
        String forged = "ok\r\n{\"timestamp\":\"x\",\"level\":\"ERROR\"}\u0000\u001b[31m\u2028";
        String l = line(base().message(forged).fields(Map.of("f", forged)).build());
        JsonNode n = JSON.readTree(l);
        assertThat(n.get("message").asText()).isEqualTo(forged);
        assertThat(l).doesNotContain("\r").doesNotContain("\u0000");
    }
}
