package io.gatewaylog.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.testkit.RecordingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is logged and set before Boot initializes logging, through a real core backend writing files: levels
 * set on loggers and on the backend are honoured, fluent records are kept like plain ones, and what is not
 * replayed is counted and reported.
 */
class DeferredBackendTest {
    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();
    private final DeferredBackend backend = new DeferredBackend(Map.of(), reporter);

    @AfterEach
    void stop() {
        backend.shutdown(Duration.ofSeconds(5));
    }

    private void start(String... more) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "dir", dir.toString(),
                "level", "INFO",
                "console.enabled", "false",
                "shutdown.hook", "false",
                "sink.syslog.enabled", "false",
                "sink.kafka.enabled", "false"));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        backend.start(settings);
    }

    private String log(LogComponent component) throws IOException {
        assertThat(backend.flush(Duration.ofSeconds(10))).isTrue();
        Path file = dir.resolve(component.id()).resolve("current.log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void aLevelSetOnALoggerBeforeStartUpIsHonouredAndKept() throws IOException {
        GatewayLogger early = backend.logger(LogComponent.API, "early");
        early.setLevel(Level.DEBUG);
        assertThat(early.isEnabled(Level.DEBUG)).isTrue();
        early.debug("debug before start-up");
        early.trace("trace before start-up");
        GatewayLogger quiet = backend.logger(LogComponent.API, "quiet");
        quiet.setLevel(Level.ERROR);
        quiet.warn("below its level");

        start();

        assertThat(early.level()).isEqualTo(Level.DEBUG);
        assertThat(backend.logger(LogComponent.API, "quiet").level()).isEqualTo(Level.ERROR);
        assertThat(log(LogComponent.API))
                .contains("debug before start-up")
                .doesNotContain("trace before start-up", "below its level");
        assertThat(reporter.messages()).isEmpty();
    }

    @Test
    void levelsSetOnTheBackendBeforeStartUpReachTheCore() throws IOException {
        GatewayLogger made = backend.logger(LogComponent.INFRA, "com.acme.Pool");
        backend.setLevel("com.acme", Level.DEBUG);
        backend.setLevel(LogComponent.PROTOCOL, Level.WARN);
        made.debug("pool detail");
        backend.logger(LogComponent.PROTOCOL, "codec").info("not at WARN");

        start();

        assertThat(made.level()).isEqualTo(Level.DEBUG);
        assertThat(backend.logger(LogComponent.API, "com.acme.Later").level()).isEqualTo(Level.DEBUG);
        assertThat(backend.logger(LogComponent.PROTOCOL, "codec").level()).isEqualTo(Level.WARN);
        assertThat(log(LogComponent.INFRA)).contains("pool detail");
        assertThat(log(LogComponent.PROTOCOL)).doesNotContain("not at WARN");
    }

    @Test
    void aBackendLevelSetLaterReplacesTheLoggersOwn() {
        GatewayLogger own = backend.logger(LogComponent.SYSTEM, "com.acme.X");
        own.setLevel(Level.TRACE);
        backend.setLevel("com.acme", Level.WARN);
        assertThat(own.level()).isEqualTo(Level.WARN);
        start();
        assertThat(own.level()).isEqualTo(Level.WARN);
    }

    @Test
    void fluentRecordsBeforeStartUpAreReplayedLikePlainOnes() throws IOException {
        GatewayLogger early = backend.logger(LogComponent.API, "fluent");
        IllegalStateException failure = new IllegalStateException("early failure");
        early.atWarn()
                .field("order_id", "o-1")
                .fields(Fields.of("attempt", 2))
                .cause(failure)
                .log("fluent before start-up");
        early.atDebug().field("x", 1).log("fluent below INFO");

        start();

        assertThat(log(LogComponent.API))
                .contains("\"message\":\"fluent before start-up\"", "\"order_id\":\"o-1\"", "\"attempt\":2")
                .contains("early failure")
                .doesNotContain("fluent below INFO");
    }

    @Test
    void recordsPastTheLimitAndRecordsBelowTheConfiguredLevelAreCountedAndReported() throws IOException {
        backend.logger(LogComponent.INFRA, "infra").info("below infra's WARN"); // kept, then below the settings
        GatewayLogger early = backend.logger(LogComponent.API, "burst");
        for (int i = 0; i < DeferredBackend.EARLY_LIMIT + 5; i++) {
            early.info("early " + i);
        }

        start("component.infra.level", "WARN");

        String api = log(LogComponent.API);
        assertThat(api).contains("\"early 0\"", "\"early " + (DeferredBackend.EARLY_LIMIT - 2) + "\"");
        assertThat(api).doesNotContain("\"early " + (DeferredBackend.EARLY_LIMIT - 1) + "\"");
        assertThat(reporter.messages())
                .singleElement()
                .asString()
                .contains("6 record(s) logged before Spring Boot initialized logging were not kept")
                .contains("1 kept one(s) were below");
        assertThat(log(LogComponent.SYSTEM)).contains("\"early_not_kept\":6", "\"early_below_level\":1");
    }

    @Test
    void namesOfTheLoggersHandedOutAreKnownForActuator() {
        backend.logger(LogComponent.API, "orders");
        start();
        backend.logger(LogComponent.INFRA, "pool");
        assertThat(backend.names()).contains("orders", "pool");
    }
}
