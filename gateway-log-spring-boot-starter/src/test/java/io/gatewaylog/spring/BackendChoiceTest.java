package io.gatewaylog.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.internal.BackendLocator;
import io.gatewaylog.api.spi.BackendProvider;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.spring.internal.DeferredBackendProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With the starter and the core on the class path, the locator finds one backend, not two competing ones. */
class BackendChoiceTest {

    @Test
    void theStartersProviderSupersedesTheCoresWithoutAWarning() {
        List<String> reports = new ArrayList<>();
        BackendProvider chosen = BackendLocator.locate(getClass().getClassLoader(), null, new Reporter() {
            @Override
            public void warn(String message) {
                reports.add(message);
            }

            @Override
            public void error(String message, Throwable cause) {
                reports.add(message);
            }
        });
        assertThat(chosen).isInstanceOf(DeferredBackendProvider.class);
        assertThat(reports).isEmpty();
    }
}
