package io.gatewaylog.core.internal.sanitize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.ErrorInfo;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.internal.ApiAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every place of a record where a secret can hide: message, fields (nested), tags, context, error. */
class SanitizerSurfacesTest {
    private static final String EMAIL = "alice@example.com";
    private static final String CARD = "4111 1111 1111 1111";
    private final Sanitizer sanitizer = Sanitizer.defaults();

    private static LogRecord.Builder record() {
        return LogRecord.builder(Level.INFO, LogComponent.API, "endpoint").epochMillis(1_700_000_000_000L);
    }

    @Test
    void cleanRecordComesBackAsTheSameInstance() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("path", "/api/v1/messages");
        nested.put("ids", List.of("550e8400-e29b-41d4-a716-446655440000", 42, true));
        LogRecord r = record().message("Request processed in 12ms")
                .fields(Map.of("request_id", "123", "nested", nested, "count", 5, "uuid", UUID.randomUUID()))
                .context(Map.of("customer_id", "customer_123"))
                .cause(new IllegalStateException("upstream 10.0.0.7:9090 returned 503"))
                .build();
        assertThat(sanitizer.sanitize(r)).isSameAs(r);
    }

    @Test
    void message() {
        LogRecord r = sanitizer.sanitize(
                record().message("mail " + EMAIL + " about card " + CARD).build());
        assertThat(r.message()).isEqualTo("mail [email] about card [card:****1111]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void fieldsNestedMapsListsAndArrays() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("note", "call +44 20 7946 0958");
        inner.put("password", "hunter2");
        inner.put("count", 3);
        List<Object> list = new ArrayList<>(List.of("ok", EMAIL, List.of("deep " + CARD)));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("request_id", "r-1");
        fields.put("inner", inner);
        fields.put("list", list);
        fields.put("array", new String[] {"a", "token=abc123xyz"});
        fields.put("apiKey", Map.of("any", "thing"));
        fields.put("token_count", 12);
        fields.put("nothing", null);
        LogRecord original = record().message("m").fields(fields).build();

        LogRecord r = sanitizer.sanitize(original);

        assertThat(r.fields())
                .containsEntry("request_id", "r-1")
                .containsEntry("apiKey", "[redacted]")
                .containsEntry("token_count", 12)
                .containsEntry("nothing", null);
        assertThat(r.fields().keySet())
                .containsExactly("request_id", "inner", "list", "array", "apiKey", "token_count", "nothing");
        @SuppressWarnings("unchecked")
        Map<String, Object> in = (Map<String, Object>) r.fields().get("inner");
        assertThat(in)
                .containsEntry("note", "call [phone]")
                .containsEntry("password", "[redacted]")
                .containsEntry("count", 3);
        assertThatThrownBy(() -> in.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat((List<Object>) r.fields().get("list"))
                .containsExactly("ok", "[email]", List.of("deep [card:****1111]"));
        assertThat((Object[]) r.fields().get("array")).containsExactly("a", "token=[secret]");
        // the caller's objects are not touched
        assertThat(inner).containsEntry("password", "hunter2");
        assertThat(list).contains(EMAIL);
        assertThat(r.message()).isSameAs(original.message());
    }

    @Test
    void unchangedBranchesAreShared() {
        Map<String, Object> clean = Map.of("a", "b");
        LogRecord r = sanitizer.sanitize(
                record().fields(Map.of("clean", clean, "dirty", EMAIL)).build());
        assertThat(r.fields().get("clean")).isSameAs(clean);
    }

    @Test
    void metricTags() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(LogRecord.METRIC_NAME, "login_failures");
        fields.put(LogRecord.METRIC_VALUE, 3);
        fields.put("user", EMAIL);
        fields.put("session_id", "abc123");
        LogRecord r = sanitizer.sanitize(LogRecord.builder(Level.INFO, LogComponent.METRICS, "m")
                .fields(fields)
                .build());
        assertThat(r.isMetric()).isTrue();
        assertThat(r.fields())
                .containsEntry(LogRecord.METRIC_NAME, "login_failures")
                .containsEntry(LogRecord.METRIC_VALUE, 3)
                .containsEntry("user", "[email]")
                .containsEntry("session_id", "[redacted]");
    }

    @Test
    void contextValuesAndSensitiveContextKeys() {
        Map<String, String> ctx = new LinkedHashMap<>();
        ctx.put("customer_id", "customer_123");
        ctx.put("customer_email", EMAIL);
        ctx.put("X-Auth-Token", "t0k3n");
        LogRecord r = sanitizer.sanitize(record().message("m").context(ctx).build());
        assertThat(r.context())
                .containsExactly(
                        Map.entry("customer_id", "customer_123"),
                        Map.entry("customer_email", "[email]"),
                        Map.entry("X-Auth-Token", "[redacted]"));
    }

    @Test
    void exceptionMessageStackAndCause() {
        Exception cause = new IllegalArgumentException("bad card " + CARD);
        Exception top = new IllegalStateException("login failed for " + EMAIL + " password=hunter2", cause);
        LogRecord original = record().message("failed").cause(top).build();

        LogRecord r = sanitizer.sanitize(original);

        ErrorInfo e = r.error();
        assertThat(e.type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(e.message()).isEqualTo("login failed for [email] password=[secret]");
        assertThat(e.stack())
                .contains("login failed for [email] password=[secret]")
                .contains("Caused by: java.lang.IllegalArgumentException: bad card [card:****1111]")
                .contains("at io.gatewaylog.core.internal.sanitize.SanitizerSurfacesTest")
                .doesNotContain(EMAIL)
                .doesNotContain("hunter2")
                .doesNotContain(CARD);
        assertThat(r.cause()).isSameAs(top);
        assertThat(r.message()).isSameAs(original.message());
    }

    @Test
    void errorSetWithoutCause() {
        ErrorInfo info = ApiAccess.errorInfo("x.Y", "token: abc123", "x.Y: token: abc123\n\tat a.b(C.java:1)");
        LogRecord r = sanitizer.sanitize(ApiAccess.error(record(), info).build());
        assertThat(r.error().message()).isEqualTo("token: [secret]");
        assertThat(r.error().stack()).isEqualTo("x.Y: token: [secret]\n\tat a.b(C.java:1)");
    }

    @Test
    void otherObjectsAreJudgedByTheirText() {
        Object leaky = new Object() {
            @Override
            public String toString() {
                return "Customer[email=" + EMAIL + "]";
            }
        };
        Object clean = new Object() {
            @Override
            public String toString() {
                return "Customer[id=42]";
            }
        };
        StringBuilder sb = new StringBuilder("mail " + EMAIL);
        Instant now = Instant.now();
        LogRecord r = sanitizer.sanitize(
                record().fields(Map.of("leaky", leaky, "clean", clean, "sb", sb, "at", now, "set", Set.of(EMAIL)))
                        .build());
        assertThat(r.fields())
                .containsEntry("leaky", "Customer[email=[email]]")
                .containsEntry("clean", "Customer[id=42]")
                .containsEntry("sb", "mail [email]")
                .containsEntry("at", now)
                .containsEntry("set", List.of("[email]"));
    }

    @Test
    void keysHoldingSecretsAreMaskedToo() {
        LogRecord r = sanitizer.sanitize(
                record().fields(Map.of("per_user", Map.of(EMAIL, 3))).build());
        assertThat(r.fields().get("per_user")).isEqualTo(Map.of("[email]", 3));
    }

    @Test
    void disabledChangesNothing() {
        LogRecord r = record().message(EMAIL).fields(Map.of("password", "x")).build();
        assertThat(Sanitizer.disabled().sanitize(r)).isSameAs(r);
        assertThat(Sanitizer.disabled().sanitizeText(EMAIL)).isSameAs(EMAIL);
        assertThat(Sanitizer.disabled().enabled()).isFalse();
        assertThat(Sanitizer.disabled().isSensitiveKey("password")).isFalse();
    }

    @Test
    void sanitizingTwiceChangesNothingMore() {
        LogRecord once = sanitizer.sanitize(record().message("password=hunter2 mail " + EMAIL)
                .fields(Map.of("secret", "s", "text", "Bearer abcdef123456"))
                .build());
        assertThat(sanitizer.sanitize(once)).isSameAs(once);
    }

    @Test
    void deepNestingAndCyclesTerminate() {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add("x");
        cyclic.add(cyclic);
        LogRecord r = record().fields(Map.of("cyclic", cyclic)).build();
        // Never left unchecked: past the depth limit a container becomes a marker.
        assertThat(sanitizer.sanitize(r).fields().get("cyclic").toString()).contains("[max depth");
    }
}
