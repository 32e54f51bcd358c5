package io.gatewaylog.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewaylog.api.Fields;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 12, "Every value type": each kind of value through the real backend and JSON encoder, default settings. */
class EveryValueTypeTest {
    private static final String EMAIL = "alice@example.com";
    private static final String CARD = "4111111111111111"; // the public Visa test number, Luhn-valid

    private static JsonNode logOne(Map<String, ?> fields) {
        try (GatedBackend b = new GatedBackend()) {
            b.logger("types").info("values", fields);
            List<String> lines = b.lines();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).doesNotContain(EMAIL, CARD, "hunter2");
            return GatedBackend.parse(lines.get(0));
        }
    }

    @Test
    void charArraysAreTextAndBytesAreNeverWritten() {
        JsonNode line = logOne(Fields.of(
                "note",
                ("mail " + EMAIL).toCharArray(),
                "password",
                "hunter2".toCharArray(),
                "blob",
                "hunter2 secret".getBytes(StandardCharsets.UTF_8),
                "api_key",
                new byte[] {1, 2, 3}));
        assertThat(line.path("note").asText()).isEqualTo("mail [email]");
        assertThat(line.path("password").asText()).isEqualTo("[redacted]");
        assertThat(line.path("blob").asText()).isEqualTo("[14 bytes]");
        assertThat(line.path("api_key").asText()).isEqualTo("[redacted]");
    }

    @Test
    void cardNumbersAsNumbersAreMaskedAndSensitiveKeysRedactAnyType() {
        JsonNode line = logOne(Fields.of(
                "as_long",
                4111111111111111L,
                "as_big_integer",
                new BigInteger(CARD),
                "as_big_decimal",
                new BigDecimal(CARD + ".00"),
                "epoch_ms",
                1_704_110_400_000L,
                "count",
                12,
                "pin",
                1234,
                "cvv",
                737,
                "password",
                Map.of("a", 1)));
        assertThat(line.path("as_long").asText()).isEqualTo("[card:****1111]");
        assertThat(line.path("as_big_integer").asText()).isEqualTo("[card:****1111]");
        assertThat(line.path("as_big_decimal").asText()).isEqualTo("[card:****1111]");
        assertThat(line.path("epoch_ms").asLong()).isEqualTo(1_704_110_400_000L);
        assertThat(line.path("count").isNumber()).isTrue();
        assertThat(line.path("pin").asText()).isEqualTo("[redacted]");
        assertThat(line.path("cvv").asText()).isEqualTo("[redacted]");
        assertThat(line.path("password").asText()).isEqualTo("[redacted]");
    }

    @Test
    void mapKeysOfAnyTypeAreScannedAsText() {
        Object emailKey = new Object() {
            @Override
            public String toString() {
                return EMAIL;
            }
        };
        Map<Object, Object> byKey = new LinkedHashMap<>();
        byKey.put(emailKey, 1);
        byKey.put(4111111111111111L, 2);
        byKey.put(("x " + EMAIL).toCharArray(), 3);
        byKey.put(7, 4);
        JsonNode line = logOne(Fields.of("per_user", byKey));
        JsonNode m = line.path("per_user");
        assertThat(m.path("[email]").asInt()).isEqualTo(1);
        assertThat(m.path("[card:****1111]").asInt()).isEqualTo(2);
        assertThat(m.path("x [email]").asInt()).isEqualTo(3);
        assertThat(m.path("7").asInt()).isEqualTo(4);
    }

    enum Channel {
        SMS,
        EMAIL_CHANNEL
    }

    record Login(String user, String password) {}

    @Test
    void optionalsRecordsEnumsArraysAndNestedCollectionsAreRenderedAndScanned() {
        JsonNode line = logOne(Fields.of(
                "present",
                Optional.of("to " + EMAIL),
                "absent",
                Optional.empty(),
                "login",
                new Login(EMAIL, "hunter2"),
                "channel",
                Channel.SMS,
                "objects",
                new Object[] {EMAIL, 1, new Object[] {"card " + CARD}},
                "nested",
                List.of(List.of(EMAIL), Set.of(Map.of("contact", EMAIL))),
                "longs",
                new long[] {1L, 4111111111111111L}));
        assertThat(line.path("present").asText()).isEqualTo("to [email]");
        assertThat(line.path("absent").isNull()).isTrue();
        assertThat(line.path("login").asText())
                .startsWith("Login[user=[email], password=")
                .doesNotContain("hunter2");
        assertThat(line.path("channel").asText()).isEqualTo("SMS");
        assertThat(line.path("objects").toString()).isEqualTo("[\"[email]\",1,[\"card [card:****1111]\"]]");
        assertThat(line.path("nested").toString()).isEqualTo("[[\"[email]\"],[{\"contact\":\"[email]\"}]]");
        assertThat(line.path("longs").toString()).isEqualTo("[1,\"[card:****1111]\"]");
    }

    @Test
    void suppressedExceptionsAndCausesAreScannedAtAnyDepth() {
        RuntimeException top = new RuntimeException("request failed");
        IllegalStateException cause = new IllegalStateException("upstream said " + EMAIL);
        Exception suppressed = new Exception("closing with password=hunter2");
        Exception deeper = new Exception("card " + CARD);
        deeper.addSuppressed(new Exception("mail bob@example.org"));
        suppressed.addSuppressed(deeper);
        cause.addSuppressed(suppressed);
        top.initCause(cause);
        try (GatedBackend b = new GatedBackend()) {
            b.logger("errors").error("failed", null, top);
            String line = b.lines().get(0);
            assertThat(line).doesNotContain(EMAIL, "hunter2", CARD, "bob@example.org");
            String stack = GatedBackend.parse(line).path("error").path("stack").asText();
            assertThat(stack)
                    .contains(
                            "Caused by: java.lang.IllegalStateException: upstream said [email]",
                            "\tSuppressed: java.lang.Exception: closing with password=",
                            "\t\tSuppressed: java.lang.Exception: card [card:****1111]",
                            "\t\t\tSuppressed: java.lang.Exception: mail [email]");
        }
    }

    @Test
    void aChainOfAnyLengthAndACircularChainAreCaptured() {
        Throwable chain = new RuntimeException("root " + EMAIL);
        for (int i = 0; i < 20_000; i++) {
            chain = new RuntimeException("level " + i, chain);
        }
        Exception a = new Exception("a");
        Exception c = new Exception("c", a);
        a.initCause(c);
        try (GatedBackend b = new GatedBackend()) {
            b.logger("errors").error("deep", null, chain);
            b.logger("errors").error("circular", null, a);
            List<String> lines = b.lines();
            assertThat(lines).hasSize(2);
            assertThat(GatedBackend.parse(lines.get(0))
                            .path("error")
                            .path("stack")
                            .asText())
                    .contains("level 19999");
            assertThat(GatedBackend.parse(lines.get(1))
                            .path("error")
                            .path("stack")
                            .asText())
                    .contains("[CIRCULAR REFERENCE: java.lang.Exception: a]");
        }
    }

    @Test
    void loggerAndThreadNamesAreScanned() throws Exception {
        try (GatedBackend b = new GatedBackend()) {
            Thread t =
                    new Thread(() -> b.logger("for " + EMAIL).info("from a named thread"), "worker password=hunter2");
            t.start();
            t.join();
            Thread renamed = new Thread(
                    () -> {
                        b.logger("plain").info("before");
                        Thread.currentThread().setName("now " + EMAIL);
                        b.logger("plain").info("after");
                    },
                    "clean-name");
            renamed.start();
            renamed.join();
            List<String> lines = b.lines();
            assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).doesNotContain(EMAIL, "hunter2"));
            assertThat(GatedBackend.parse(lines.get(0)).path("logger").asText()).isEqualTo("for [email]");
            assertThat(GatedBackend.parse(lines.get(1))
                            .path("thread")
                            .path("name")
                            .asText())
                    .isEqualTo("clean-name");
            assertThat(GatedBackend.parse(lines.get(2))
                            .path("thread")
                            .path("name")
                            .asText())
                    .isEqualTo("now [email]");
        }
    }

    @Test
    void metricTagsAreRenderedAndSanitized() {
        try (GatedBackend b = new GatedBackend()) {
            Map<String, Object> tags = new LinkedHashMap<>(Map.of("owner", EMAIL, "token", "abc"));
            b.logger(LogComponent.SYSTEM, "metrics").metric("queue_depth", 5, "records", tags);
            tags.put("owner", "changed");
            JsonNode metric = GatedBackend.parse(b.lines().get(0)).path("metric");
            assertThat(metric.path("tags").path("owner").asText()).isEqualTo("[email]");
            assertThat(metric.path("tags").path("token").asText()).isEqualTo("[redacted]");
        }
    }

    @Test
    void contextFieldsAreSanitizedNextToAValueThatFailedToRender() {
        Object failing = new Object() {
            @Override
            public String toString() {
                throw new AssertionError("never");
            }
        };
        try (GatedBackend b = new GatedBackend();
                LogContext.Scope s = LogContext.with("customer_email", EMAIL)
                        .and("session_id", "abc123")
                        .open()) {
            b.logger("ctx").info("with context", Fields.of("bad", failing, "ok", "fine"));
            JsonNode line = GatedBackend.parse(b.lines().get(0));
            assertThat(line.path("customer_email").asText()).isEqualTo("[email]");
            assertThat(line.path("session_id").asText()).isEqualTo("[redacted]");
            assertThat(line.path("bad").asText()).contains("threw java.lang.AssertionError");
            assertThat(line.path("ok").asText()).isEqualTo("fine");
        }
    }
}
