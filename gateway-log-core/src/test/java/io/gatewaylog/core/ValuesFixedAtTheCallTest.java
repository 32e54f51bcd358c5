package io.gatewaylog.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewaylog.api.Fields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12, "What is written is what was sanitized": a record's content is fixed when the log call returns.
 * Each mutable kind is changed right after the call, while the writer is held, with sanitization on and off;
 * the line must show the value as it was at the call (and, with sanitization on, masked as it was).
 */
class ValuesFixedAtTheCallTest {
    private static final String EMAIL = "alice@example.com";
    private static final String LATER = "mallory@example.org";

    private static GatedBackend backend(boolean sanitize) {
        return new GatedBackend("sanitize.enabled", String.valueOf(sanitize));
    }

    private static JsonNode only(GatedBackend b) {
        List<String> lines = b.lines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).doesNotContain(LATER, "changed");
        return GatedBackend.parse(lines.get(0));
    }

    private static String mail(boolean sanitize) {
        return sanitize ? "[email]" : EMAIL;
    }

    @ParameterizedTest(name = "sanitize={0}")
    @ValueSource(booleans = {true, false})
    void aHashMapAndWhatItHoldsChangedAfterTheCall(boolean sanitize) {
        try (GatedBackend b = backend(sanitize)) {
            Map<String, Object> inner = new HashMap<>(Map.of("contact", EMAIL));
            Map<String, Object> fields = new HashMap<>();
            fields.put("user", EMAIL);
            fields.put("inner", inner);
            b.logger("m").info("call", fields);
            fields.put("user", LATER);
            fields.put("added", "changed");
            inner.put("contact", LATER);
            JsonNode line = only(b);
            assertThat(line.path("user").asText()).isEqualTo(mail(sanitize));
            assertThat(line.path("inner").path("contact").asText()).isEqualTo(mail(sanitize));
            assertThat(line.has("added")).isFalse();
        }
    }

    @ParameterizedTest(name = "sanitize={0}")
    @ValueSource(booleans = {true, false})
    void listsArraysAndBuildersChangedAfterTheCall(boolean sanitize) {
        try (GatedBackend b = backend(sanitize)) {
            List<Object> list = new ArrayList<>(List.of(EMAIL, "x"));
            Object[] array = {EMAIL, new ArrayList<>(List.of(EMAIL))};
            StringBuilder text = new StringBuilder("to " + EMAIL);
            char[] chars = ("mail " + EMAIL).toCharArray();
            AtomicLong counter = new AtomicLong(7);
            // Map.of is immutable, but what it holds is not: it must be rendered all the same.
            b.logger("m")
                    .info(
                            "call",
                            Map.of("list", list, "array", array, "text", text, "chars", chars, "counter", counter));
            list.set(0, LATER);
            list.add("changed");
            array[0] = LATER;
            @SuppressWarnings("unchecked")
            List<Object> nested = (List<Object>) array[1];
            nested.add(LATER);
            text.setLength(0);
            text.append(LATER);
            java.util.Arrays.fill(chars, 'z');
            counter.set(99);
            JsonNode line = only(b);
            assertThat(line.path("list").toString()).isEqualTo("[\"" + mail(sanitize) + "\",\"x\"]");
            assertThat(line.path("array").toString())
                    .isEqualTo("[\"" + mail(sanitize) + "\",[\"" + mail(sanitize) + "\"]]");
            assertThat(line.path("text").asText()).isEqualTo("to " + mail(sanitize));
            assertThat(line.path("chars").asText()).isEqualTo("mail " + mail(sanitize));
            assertThat(line.path("counter").asLong()).isEqualTo(7);
        }
    }

    /** Any object written through its toString(): the text of the moment of the call. */
    @ParameterizedTest(name = "sanitize={0}")
    @ValueSource(booleans = {true, false})
    void anObjectRenderedThroughToStringChangedAfterTheCall(boolean sanitize) {
        final class Account {
            String owner = EMAIL;

            @Override
            public String toString() {
                return "Account[owner=" + owner + "]";
            }
        }
        try (GatedBackend b = backend(sanitize)) {
            Account account = new Account();
            b.logger("m").info("call", Fields.of("account", account));
            account.owner = LATER;
            assertThat(only(b).path("account").asText()).isEqualTo("Account[owner=" + mail(sanitize) + "]");
        }
    }

    @ParameterizedTest(name = "sanitize={0}")
    @ValueSource(booleans = {true, false})
    void fieldsOfAnArrayDoesNotKeepTheArray(boolean sanitize) {
        try (GatedBackend b = backend(sanitize)) {
            Object[] keysAndValues = {"user", EMAIL, "n", 1};
            b.logger("m").info("call", Fields.of(keysAndValues));
            keysAndValues[1] = LATER;
            keysAndValues[2] = "changed";
            JsonNode line = only(b);
            assertThat(line.path("user").asText()).isEqualTo(mail(sanitize));
            assertThat(line.path("n").asInt()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "sanitize={0}")
    @ValueSource(booleans = {true, false})
    void theFluentBuilderAndAnExceptionChangedAfterTheCall(boolean sanitize) {
        try (GatedBackend b = backend(sanitize)) {
            Map<String, Object> more = new LinkedHashMap<>(Map.of("user", EMAIL));
            RuntimeException error = new RuntimeException("failed for " + EMAIL);
            b.logger("m").atWarn().fields(more).cause(error).log("call");
            more.put("user", LATER);
            error.addSuppressed(new IllegalStateException("changed " + LATER));
            error.initCause(new IllegalStateException("changed " + LATER));
            JsonNode line = only(b);
            assertThat(line.path("user").asText()).isEqualTo(mail(sanitize));
            assertThat(line.path("error").path("message").asText()).isEqualTo("failed for " + mail(sanitize));
            assertThat(line.path("error").path("stack").asText()).doesNotContain("Suppressed", "Caused by");
        }
    }
}
