package io.gatewaylog.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.spring.app.OrdersApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An invalid SLF4J routing from the Environment stops start-up like any invalid setting (a JVM of its own). */
class InvalidRoutingTest {

    @Test
    void anInvalidRoutingStopsStartUpNamingTheProperty() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(OrdersApplication.class)
                .run("--server.port=0", "--gateway.log.slf4j.components=com.example=nowhere"));

        assertThat(failure).hasRootCauseInstanceOf(InvalidSettingException.class);
        FailureAnalysis analysis = new GatewayLogFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("slf4j.components", "com.example=nowhere");
        assertThat(analysis.getAction()).contains("'gateway.log.slf4j.components'");
    }
}
