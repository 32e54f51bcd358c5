package io.gatewaylog.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogContextTest {
    @AfterEach
    void clearGlobal() {
        LogContext.bindGlobal(Map.of());
    }

    @Test
    void scopesNestAndRestore() {
        assertThat(LogContext.current()).isEmpty();
        try (LogContext.Scope a = LogContext.with("customer_id", "c1").open()) {
            try (LogContext.Scope b =
                    LogContext.with("request_id", "r1").and("customer_id", "c2").open()) {
                assertThat(LogContext.current())
                        .containsExactly(Map.entry("customer_id", "c2"), Map.entry("request_id", "r1"));
            }
            assertThat(LogContext.current()).containsExactly(Map.entry("customer_id", "c1"));
        }
        assertThat(LogContext.current()).isEmpty();
    }

    @Test
    void globalFieldsSitUnderThreadBindings() {
        LogContext.bindGlobal(Map.of("asset_id", "gateway_1"));
        assertThat(LogContext.current()).containsEntry("asset_id", "gateway_1");
        try (LogContext.Scope s = LogContext.with("customer_id", "c1").open()) {
            assertThat(LogContext.current())
                    .containsEntry("asset_id", "gateway_1")
                    .containsEntry("customer_id", "c1");
        }
    }

    @Test
    void contextIsPerThread() throws Exception {
        try (LogContext.Scope s = LogContext.with("k", "v").open()) {
            Map<String, String>[] seen = new Map[1];
            Thread t = new Thread(() -> seen[0] = LogContext.current());
            t.start();
            t.join();
            assertThat(seen[0]).isEmpty();
            Map<String, String> captured = LogContext.current();
            Thread carried = new Thread(() -> {
                try (LogContext.Scope r = LogContext.restore(captured)) {
                    seen[0] = LogContext.current();
                }
            });
            carried.start();
            carried.join();
            assertThat(seen[0]).containsEntry("k", "v");
        }
    }

    @Test
    void snapshotKeepsImmutableMapsAndCopiesMutableOnes() {
        Map<String, Object> immutable = Map.of("a", 1);
        assertThat(Snapshots.of(immutable)).isSameAs(immutable);
        java.util.HashMap<String, Object> mutable = new java.util.HashMap<>();
        mutable.put("a", null);
        Map<String, Object> copy = Snapshots.of(mutable);
        mutable.put("b", 2);
        assertThat(copy).containsOnlyKeys("a");
    }

    @Test
    void levelAndComponentParsing() {
        assertThat(Level.parse(" warning ")).isEqualTo(Level.WARN);
        assertThat(LogComponent.parse("Protocol")).isEqualTo(LogComponent.PROTOCOL);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Level.parse("LOUD"))
                .hasMessageContaining("'LOUD'")
                .hasMessageContaining("TRACE, DEBUG, INFO, WARN, ERROR");
    }
}
