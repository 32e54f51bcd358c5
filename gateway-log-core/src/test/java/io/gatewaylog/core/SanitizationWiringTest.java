package io.gatewaylog.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogContext;
import io.gatewaylog.core.internal.json.JsonRecordEncoder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sanitization is on by default in the pipeline, for every component and every surface; it can be turned off. */
class SanitizationWiringTest {

    private static String run(String... settings) {
        CollectingSink sink = new CollectingSink();
        GatewayLogBackend.Builder b = GatewayLogBackend.builder()
                .discoverSinks(false)
                .bindGlobalContext(false)
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .sink(sink);
        for (int i = 0; i < settings.length; i += 2) {
            b.setting(settings[i], settings[i + 1]);
        }
        GatewayLogBackend backend = b.build();
        sink.encodeWith(new JsonRecordEncoder("gateway", 32768));
        try {
            for (LogComponent c : LogComponent.values()) {
                try (LogContext.Scope s = LogContext.with("session_cookie", "JSESSIONID=abc123def456")
                        .open()) {
                    backend.logger(c, "s")
                            .error(
                                    "login for alice@example.com with password=hunter2secret",
                                    Map.of(
                                            "password",
                                            "hunter2secret",
                                            "nested",
                                            Map.of("card", "4111 1111 1111 1111")),
                                    new IllegalStateException(
                                            "token for bob@example.org",
                                            new RuntimeException("api_key=sk_live_abcdefghijklmnop1234")));
                }
            }
            backend.flush(Duration.ofSeconds(5));
            return sink.raw();
        } finally {
            backend.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void everyComponentIsSanitizedByDefault() {
        String out = run();
        assertThat(out.lines()).hasSize(6);
        assertThat(out)
                .doesNotContain(
                        "hunter2secret",
                        "alice@example.com",
                        "bob@example.org",
                        "4111 1111 1111 1111",
                        "sk_live_abcdefghijklmnop1234",
                        "abc123def456");
        assertThat(out).contains("[email]");
    }

    @Test
    void authIsAlwaysSanitized() {
        String out = run("sanitize.enabled", "false");
        assertThat(out.lines().filter(l -> l.contains("alice@example.com"))).hasSize(5);
        assertThat(out.lines().filter(l -> l.contains("\"component\":\"auth\"")))
                .singleElement()
                .asString()
                .doesNotContain("alice@example.com", "hunter2secret");
    }

    @Test
    void canBeSwitchedOffPerComponent() {
        String out = run("component.infra.sanitize.enabled", "false");
        assertThat(out.lines().filter(l -> l.contains("alice@example.com")))
                .hasSize(1)
                .allSatisfy(l -> assertThat(l).contains("\"component\":\"infra\""));
    }
}
