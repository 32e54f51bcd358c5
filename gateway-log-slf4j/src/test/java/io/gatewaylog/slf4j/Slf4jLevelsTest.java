package io.gatewaylog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.slf4j.testing.FreshRecords;
import io.gatewaylog.slf4j.testing.TestBackendProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MarkerFactory;
import org.slf4j.spi.NOPLoggingEventBuilder;

@FreshRecords
class Slf4jLevelsTest {
    private static final String NAME = "test.slf4j.levels";
    private final Logger log = LoggerFactory.getLogger(NAME);
    // The same (component, name) logger of the backend that the SLF4J logger writes through.
    private final GatewayLogger ours = GatewayLoggers.get(LogComponent.SYSTEM, NAME);

    @AfterEach
    void restoreLevel() {
        ours.setLevel(Level.TRACE);
    }

    @Test
    void eachSlf4jLevelMapsToOurs() {
        log.trace("t");
        log.debug("d");
        log.info("i");
        log.warn("w");
        log.error("e");
        assertThat(TestBackendProvider.records(NAME))
                .extracting(LogRecord::level)
                .containsExactly(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR);
    }

    @Test
    void isEnabledFollowsTheGatewayLoggersLevel() {
        ours.setLevel(Level.WARN);
        assertThat(log.isTraceEnabled()).isFalse();
        assertThat(log.isDebugEnabled()).isFalse();
        assertThat(log.isInfoEnabled()).isFalse();
        assertThat(log.isWarnEnabled()).isTrue();
        assertThat(log.isErrorEnabled()).isTrue();
        assertThat(log.isInfoEnabled(MarkerFactory.getMarker("AUDIT"))).isFalse();
        assertThat(log.isEnabledForLevel(org.slf4j.event.Level.ERROR)).isTrue();

        ours.setLevel(Level.TRACE);
        assertThat(log.isTraceEnabled()).isTrue();
    }

    @Test
    void callsBelowTheLevelWriteNothing() {
        ours.setLevel(Level.WARN);
        log.info("dropped {}", "x");
        log.debug("dropped", new RuntimeException());
        log.atInfo().addKeyValue("k", "v").log("dropped");
        log.warn("kept");
        assertThat(TestBackendProvider.records(NAME))
                .extracting(LogRecord::message)
                .containsExactly("kept");
    }

    @Test
    void disabledFluentCallsGetSlf4jsSharedNoOpBuilder() {
        ours.setLevel(Level.INFO);
        assertThat(log.atDebug()).isInstanceOf(NOPLoggingEventBuilder.class);
        assertThat(log.atInfo()).isNotInstanceOf(NOPLoggingEventBuilder.class);
    }
}
