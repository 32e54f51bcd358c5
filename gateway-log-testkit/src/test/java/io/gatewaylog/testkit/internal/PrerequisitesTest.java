package io.gatewaylog.testkit.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PrerequisitesTest {
    @AfterEach
    void forgetCi() {
        System.clearProperty("ci");
    }

    @Test
    void whatIsThereGoesOn() {
        assertThatCode(() -> Prerequisites.require(true, "nothing")).doesNotThrowAnyException();
    }

    @Test
    void locallyAMissingComponentSkips() {
        Assumptions.assumeFalse(Boolean.parseBoolean(System.getenv("CI")), "this run is CI's");
        assertThatThrownBy(() -> Prerequisites.require(false, "rsyslogd is not installed"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("rsyslogd is not installed");
    }

    @Test
    void inCiAMissingComponentFailsNamingIt() {
        System.setProperty("ci", "true");
        assertThatThrownBy(() -> Prerequisites.require(false, "rsyslogd is not installed"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("CI=true, so this suite may not skip: rsyslogd is not installed");
    }
}
