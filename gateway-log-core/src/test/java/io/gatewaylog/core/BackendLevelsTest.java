package io.gatewaylog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code LoggingBackend.setLevel} by component and by name, through a real backend and what it writes. */
class BackendLevelsTest {
    private final CollectingSink sink = new CollectingSink();
    private final GatewayLogBackend backend = GatewayLogBackend.builder()
            .discoverSinks(false)
            .bindGlobalContext(false)
            .setting("console.enabled", "false")
            .setting("shutdown.hook", "false")
            .setting("level", "INFO")
            .setting("component.infra.level", "WARN")
            .sink(sink)
            .build();

    @AfterEach
    void stop() {
        backend.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void aComponentLevelReachesItsLoggersMadeBeforeAndAfter() {
        GatewayLogger before = backend.logger(LogComponent.API, "orders");
        GatewayLogger otherComponent = backend.logger(LogComponent.PROTOCOL, "orders");

        assertThat(backend.setLevel(LogComponent.API, Level.DEBUG)).isTrue();
        GatewayLogger after = backend.logger(LogComponent.API, "payments");

        assertThat(before.level()).isEqualTo(Level.DEBUG);
        assertThat(after.level()).isEqualTo(Level.DEBUG);
        assertThat(otherComponent.level()).isEqualTo(Level.INFO);
        before.debug("before");
        after.debug("after");
        otherComponent.debug("not written");
        assertThat(messages()).containsExactlyInAnyOrder("before", "after");

        backend.setLevel(LogComponent.API, null);
        assertThat(before.level()).as("back to the settings' level").isEqualTo(Level.INFO);
        assertThat(backend.logger(LogComponent.INFRA, "x").level()).isEqualTo(Level.WARN);
    }

    @Test
    void aNameCoversWholeSegmentsInEveryComponentAndTheLongestWins() {
        GatewayLogger pool = backend.logger(LogComponent.INFRA, "com.acme.pool.Pool");
        GatewayLogger codec = backend.logger(LogComponent.PROTOCOL, "com.acme.Codec");
        GatewayLogger inner = backend.logger(LogComponent.SYSTEM, "com.acme$Inner");
        GatewayLogger lookalike = backend.logger(LogComponent.SYSTEM, "com.acmex.Other");

        backend.setLevel("com.acme", Level.DEBUG);
        backend.setLevel("com.acme.pool", Level.ERROR);

        assertThat(pool.level()).isEqualTo(Level.ERROR);
        assertThat(codec.level()).isEqualTo(Level.DEBUG);
        assertThat(inner.level()).isEqualTo(Level.DEBUG);
        assertThat(lookalike.level()).isEqualTo(Level.INFO);
        assertThat(backend.logger(LogComponent.API, "com.acme.pool.Later").level())
                .isEqualTo(Level.ERROR);

        backend.setLevel("com.acme.pool", null);
        assertThat(pool.level()).as("the next name that covers it").isEqualTo(Level.DEBUG);
        backend.setLevel("com.acme", null);
        assertThat(pool.level()).as("the component's level from the settings").isEqualTo(Level.WARN);
    }

    @Test
    void aNameWinsOverTheComponentLevel() {
        GatewayLogger quiet = backend.logger(LogComponent.API, "chatty.Client");
        backend.setLevel("chatty", Level.ERROR);
        backend.setLevel(LogComponent.API, Level.TRACE);
        assertThat(quiet.level()).isEqualTo(Level.ERROR);
        assertThat(backend.logger(LogComponent.API, "other").level()).isEqualTo(Level.TRACE);
    }

    @Test
    void aLoggersOwnLevelHoldsUntilABackendLevelCoversIt() {
        GatewayLogger own = backend.logger(LogComponent.SYSTEM, "mine");
        own.setLevel(Level.TRACE);
        backend.setLevel("someone.else", Level.ERROR);
        assertThat(own.level()).isEqualTo(Level.TRACE);
        backend.setLevel(LogComponent.SYSTEM, Level.WARN);
        assertThat(own.level()).isEqualTo(Level.WARN);
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> backend.setLevel(" ", Level.INFO)).isInstanceOf(IllegalArgumentException.class);
    }

    private java.util.List<String> messages() {
        assertThat(backend.flush(Duration.ofSeconds(5))).isTrue();
        return sink.records().stream().map(LogRecord::message).toList();
    }
}
