package io.gatewaylog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.slf4j.testing.FreshRecords;
import io.gatewaylog.slf4j.testing.TestBackendProvider;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@FreshRecords
class SystemLoggerTest {
    // "syslogger.infra" is routed to the infra component by the pom.
    private static final String NAME = "syslogger.infra.Pool";
    private final System.Logger log = System.getLogger(NAME);

    @AfterEach
    void uninstallJul() {
        GatewayLogJul.uninstall();
    }

    private static LogRecord only() {
        List<LogRecord> records = TestBackendProvider.records(NAME);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void theJdkUsesOurFinder() {
        assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(GatewaySystemLoggerFinder.class);
        assertThat(log.getName()).isEqualTo(NAME);
    }

    @Test
    void recordsAreRoutedByNameWithMessageFormatParameters() {
        log.log(System.Logger.Level.INFO, "leased {0} of {1}", 3, 10);
        LogRecord r = only();
        assertThat(r.component()).isEqualTo(LogComponent.INFRA);
        assertThat(r.level()).isEqualTo(Level.INFO);
        assertThat(r.message()).isEqualTo("leased 3 of 10");
    }

    @Test
    void throwableAndSupplierForms() {
        IllegalStateException e = new IllegalStateException("pool closed");
        log.log(System.Logger.Level.ERROR, "lease failed", e);
        assertThat(only().cause()).isSameAs(e);

        TestBackendProvider.clear();
        log.log(System.Logger.Level.DEBUG, () -> "supplied");
        assertThat(only().message()).isEqualTo("supplied");
    }

    @Test
    void levelsMap() {
        for (System.Logger.Level l : System.Logger.Level.values()) {
            log.log(l, l.getName());
        }
        assertThat(TestBackendProvider.records(NAME))
                .extracting(LogRecord::level)
                .containsExactly(Level.TRACE, Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR);
        assertThat(log.isLoggable(System.Logger.Level.OFF)).isFalse();
        assertThat(log.isLoggable(System.Logger.Level.TRACE)).isTrue();
    }

    @Test
    void notWrittenTwiceWhenJulIsRoutedToo() {
        GatewayLogJul.install();
        log.log(System.Logger.Level.WARNING, "once");
        java.util.logging.Logger.getLogger(NAME).warning("once via jul");
        assertThat(TestBackendProvider.records(NAME))
                .extracting(LogRecord::message)
                .containsExactly("once", "once via jul");
    }
}
