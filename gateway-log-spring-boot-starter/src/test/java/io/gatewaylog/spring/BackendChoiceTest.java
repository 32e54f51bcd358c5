package io.gatewaylog.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.internal.BackendLocator;
import io.gatewaylog.api.spi.BackendProvider;
import io.gatewaylog.spring.internal.DeferredBackendProvider;
import io.gatewaylog.testkit.RecordingReporter;
import org.junit.jupiter.api.Test;

/** With the starter and the core on the class path, the locator finds one backend, not two competing ones. */
class BackendChoiceTest {

    @Test
    void theStartersProviderSupersedesTheCoresWithoutAWarning() {
        RecordingReporter reports = new RecordingReporter();
        BackendProvider chosen = BackendLocator.locate(getClass().getClassLoader(), null, reports);
        assertThat(chosen).isInstanceOf(DeferredBackendProvider.class);
        assertThat(reports.messages()).isEmpty();
    }
}
