package io.gatewaylog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.slf4j.testing.FreshRecords;
import io.gatewaylog.slf4j.testing.TestBackendProvider;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link GatewayLogJul#syncLevels}: JUL's own filtering follows gateway-log's levels by name. */
@FreshRecords
class JulLevelSyncTest {
    private static final String NAME = "jul.sync.Client";
    private static final Logger JUL = Logger.getLogger(NAME);

    @BeforeAll
    static void install() {
        GatewayLogJul.install();
    }

    @AfterEach
    void clearLevels() {
        GatewayLogJul.syncLevels(Map.of());
    }

    @AfterAll
    static void uninstall() {
        GatewayLogJul.uninstall();
    }

    private static void logAll() {
        JUL.finer("finer");
        JUL.fine("fine");
        JUL.info("info");
        JUL.warning("warning");
    }

    @Test
    void aNamesLevelBecomesItsJulLoggersThresholdAndCoversTheNamesBelow() {
        GatewayLogJul.syncLevels(Map.of("jul.sync", Level.WARN));
        assertThat(Logger.getLogger("jul.sync").getLevel()).isEqualTo(java.util.logging.Level.WARNING);
        assertThat(JUL.isLoggable(java.util.logging.Level.INFO)).isFalse();
        logAll();
        assertThat(TestBackendProvider.records(NAME))
                .extracting(LogRecord::message)
                .containsExactly("warning");

        TestBackendProvider.clear();
        GatewayLogJul.syncLevels(Map.of("jul.sync", Level.DEBUG));
        logAll();
        assertThat(TestBackendProvider.records(NAME))
                .extracting(LogRecord::message)
                .containsExactly("fine", "info", "warning");
    }

    @Test
    void aNameLeftOutGoesBackToInheriting() {
        GatewayLogJul.syncLevels(Map.of("jul.sync", Level.ERROR));
        GatewayLogJul.syncLevels(Map.of());
        assertThat(Logger.getLogger("jul.sync").getLevel()).isNull();
        logAll();
        assertThat(TestBackendProvider.records(NAME))
                .as("the root's threshold again: the test backend runs at TRACE")
                .extracting(LogRecord::message)
                .containsExactly("finer", "fine", "info", "warning");
    }

    @Test
    void theRootFollowsTheComponentsLevels() {
        Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        GatewayLogJul.syncLevels(Map.of());
        assertThat(Logger.getLogger("").getLevel()).isEqualTo(java.util.logging.Level.ALL);
    }
}
