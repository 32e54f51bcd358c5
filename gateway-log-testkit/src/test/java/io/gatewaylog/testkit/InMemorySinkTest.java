package io.gatewaylog.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.core.GatewayLogBackend;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemorySinkTest {
    @Test
    void receivesRecordsOfItsComponentsOnly() {
        InMemorySink sink = InMemorySink.of(LogComponent.API);
        GatewayLogBackend backend = GatewayLogBackend.builder()
                .discoverSinks(false)
                .bindGlobalContext(false)
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .sink(sink)
                .build();
        backend.logger(LogComponent.API, "a").info("hello", Map.of("k", "v"));
        backend.logger(LogComponent.INFRA, "i").info("elsewhere");
        backend.shutdown(Duration.ofSeconds(5));
        assertThat(sink.records())
                .singleElement()
                .satisfies(r -> assertThat(r.fields()).containsEntry("k", "v"));
        assertThat(sink.isClosed()).isTrue();
        assertThat(sink.flushes()).isPositive();
    }
}
