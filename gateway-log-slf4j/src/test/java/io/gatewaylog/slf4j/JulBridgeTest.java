package io.gatewaylog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.slf4j.testing.FreshRecords;
import io.gatewaylog.slf4j.testing.TestBackendProvider;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@FreshRecords
class JulBridgeTest {
    // "jul.protocol" is routed to the protocol component by the pom.
    private static final String NAME = "jul.protocol.Codec";
    // JUL holds loggers weakly: keep a strong reference so the level set below stays.
    private static final Logger JUL = Logger.getLogger(NAME);

    @BeforeAll
    static void install() {
        GatewayLogJul.install();
    }

    @AfterAll
    static void uninstall() {
        GatewayLogJul.uninstall();
    }

    private static LogRecord only() {
        List<LogRecord> records = TestBackendProvider.records(NAME);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void installReplacesTheRootHandlersWithOneOfOurs() {
        GatewayLogJul.install(); // twice: still one
        Handler[] handlers = Logger.getLogger("").getHandlers();
        assertThat(handlers).hasSize(1).hasOnlyElementsOfType(GatewayJulHandler.class);
        assertThat(GatewayLogJul.isInstalled()).isTrue();
        // The backend runs at TRACE, so JUL must let everything through.
        assertThat(Logger.getLogger("").getLevel()).isEqualTo(java.util.logging.Level.ALL);
    }

    @Test
    void recordsAreRoutedByNameAndWrittenOnce() {
        JUL.info("decoded frame");
        LogRecord r = only();
        assertThat(r.component()).isEqualTo(LogComponent.PROTOCOL);
        assertThat(r.level()).isEqualTo(Level.INFO);
        assertThat(r.message()).isEqualTo("decoded frame");

        TestBackendProvider.clear();
        Logger.getLogger("jul.other.Thing").warning("elsewhere");
        assertThat(TestBackendProvider.records("jul.other.Thing"))
                .singleElement()
                .extracting(LogRecord::component)
                .isEqualTo(LogComponent.SYSTEM);
    }

    @Test
    void messageFormatParametersAreFilled() {
        JUL.log(java.util.logging.Level.INFO, "frame {0} from {1} ({2} bytes)", new Object[] {"f1", "h1", 12});
        assertThat(only().message()).isEqualTo("frame f1 from h1 (12 bytes)");
    }

    @Test
    void textWithoutPlaceholdersOrWithABrokenPatternIsKept() {
        JUL.log(java.util.logging.Level.INFO, "json {\"a\":1}", "param");
        assertThat(only().message()).isEqualTo("json {\"a\":1}");
        TestBackendProvider.clear();
        JUL.log(java.util.logging.Level.INFO, "broken {0", "param");
        assertThat(only().message()).isEqualTo("broken {0");
    }

    @Test
    void resourceBundleMessagesAreLocalized() {
        Logger localized = Logger.getLogger(NAME + ".Localized", Messages.class.getName());
        localized.log(java.util.logging.Level.WARNING, "frame.dropped", "f9");
        assertThat(TestBackendProvider.records(NAME + ".Localized"))
                .singleElement()
                .extracting(LogRecord::message)
                .isEqualTo("frame f9 was dropped");
    }

    @Test
    void thrownBecomesTheCause() {
        IllegalStateException e = new IllegalStateException("bad frame");
        JUL.log(java.util.logging.Level.SEVERE, "decode failed", e);
        LogRecord r = only();
        assertThat(r.level()).isEqualTo(Level.ERROR);
        assertThat(r.cause()).isSameAs(e);
    }

    @Test
    void levelsMapByValue() {
        JUL.setLevel(java.util.logging.Level.ALL);
        try {
            JUL.finest("finest");
            JUL.finer("finer");
            JUL.fine("fine");
            JUL.config("config");
            JUL.info("info");
            JUL.warning("warning");
            JUL.severe("severe");
            JUL.log(java.util.logging.Level.OFF, "off");
        } finally {
            JUL.setLevel(null);
        }
        assertThat(TestBackendProvider.records(NAME))
                .extracting(LogRecord::level)
                .containsExactly(
                        Level.TRACE, Level.TRACE, Level.DEBUG, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR);
    }

    /** A resource bundle as JUL users ship them. */
    public static final class Messages extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {{"frame.dropped", "frame {0} was dropped"}};
        }
    }
}
