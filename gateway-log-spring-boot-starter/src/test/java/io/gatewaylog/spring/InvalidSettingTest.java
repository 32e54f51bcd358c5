package io.gatewaylog.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.spring.app.OrdersApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An invalid gateway.log setting stops start-up, and Boot's failure report names it (a JVM of its own). */
class InvalidSettingTest {

    @Test
    void invalidSettingStopsStartUp() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(OrdersApplication.class)
                .run("--server.port=0", "--gateway.log.component.protocol.buffer.size=-1"));

        assertThat(failure).hasRootCauseInstanceOf(InvalidSettingException.class);
        assertThat(failure).rootCause().hasMessageContaining("'component.protocol.buffer.size' = '-1'");
        FailureAnalysis analysis = new GatewayLogFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("component.protocol.buffer.size", "-1");
        assertThat(analysis.getAction()).contains("gateway.log.component.protocol.buffer.size");
    }
}
