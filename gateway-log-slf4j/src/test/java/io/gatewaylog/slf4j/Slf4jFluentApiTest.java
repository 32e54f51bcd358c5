package io.gatewaylog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.slf4j.testing.FreshRecords;
import io.gatewaylog.slf4j.testing.TestBackendProvider;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

@FreshRecords
class Slf4jFluentApiTest {
    private static final String NAME = "test.slf4j.fluent";
    private final Logger log = LoggerFactory.getLogger(NAME);

    private LogRecord only() {
        List<LogRecord> records = TestBackendProvider.records(NAME);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void keyValuesBecomeFieldsKeepingTheirTypesAndOrder() {
        log.atInfo()
                .addKeyValue("request_id", "r-1")
                .addKeyValue("attempt", 2)
                .addKeyValue("ok", true)
                .log("processed");
        LogRecord r = only();
        assertThat(r.message()).isEqualTo("processed"); // not folded into the message text
        assertThat(r.fields())
                .containsExactly(
                        java.util.Map.entry("request_id", "r-1"),
                        java.util.Map.entry("attempt", 2),
                        java.util.Map.entry("ok", true));
    }

    @Test
    void suppliedValuesAndArgumentsAreEvaluated() {
        log.atDebug()
                .setMessage("took {} ms")
                .addArgument(() -> 42)
                .addKeyValue("size", () -> 7L)
                .log();
        LogRecord r = only();
        assertThat(r.level()).isEqualTo(Level.DEBUG);
        assertThat(r.message()).isEqualTo("took 42 ms");
        assertThat(r.fields()).containsEntry("size", 7L);
    }

    @Test
    void markersBecomeAListOfNames() {
        Marker audit = MarkerFactory.getMarker("AUDIT");
        Marker security = MarkerFactory.getMarker("SECURITY");
        log.atWarn()
                .addMarker(audit)
                .addMarker(security)
                .addKeyValue("user", "u1")
                .log("role changed");
        LogRecord r = only();
        assertThat(r.fields())
                .containsEntry("markers", List.of("AUDIT", "SECURITY"))
                .containsEntry("user", "u1");
    }

    @Test
    void classicMarkerCallsKeepTheMarker() {
        log.info(MarkerFactory.getMarker("AUDIT"), "login by {}", "u1");
        LogRecord r = only();
        assertThat(r.message()).isEqualTo("login by u1");
        assertThat(r.fields()).containsEntry("markers", List.of("AUDIT"));
    }

    @Test
    void causeAndTrailingThrowableArgument() {
        RuntimeException e = new RuntimeException("x");
        log.atError().setCause(e).log("failed {}", "f1");
        assertThat(only().cause()).isSameAs(e);

        TestBackendProvider.clear();
        log.atError().addArgument("f2").addArgument(e).log("failed {}");
        LogRecord r = only();
        assertThat(r.message()).isEqualTo("failed f2");
        assertThat(r.cause()).isSameAs(e);
    }

    @Test
    void atLevelUsesTheGivenLevel() {
        log.atLevel(org.slf4j.event.Level.TRACE).log("fine detail");
        assertThat(only().level()).isEqualTo(Level.TRACE);
    }
}
