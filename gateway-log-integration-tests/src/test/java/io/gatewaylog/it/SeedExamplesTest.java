package io.gatewaylog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.sink.UserSinkProvider;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogContext;
import io.gatewaylog.api.LogRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A project that depends on gateway-log-core plus a sink of its own (registered with
 * META-INF/services, written against gateway-log-api only) receives the seed's three examples.
 */
class SeedExamplesTest {

    @Test
    void theSeedsThreeExamplesReachAUsersOwnSink() {
        GatewayLogger api = GatewayLoggers.api("endpoint_name");
        api.info(
                "Processing request",
                Map.of("request_id", "123", "endpoint", "/api/v1/messages", "customer_id", "customer_123"));

        GatewayLogger metrics = GatewayLoggers.system("metrics");
        metrics.info(
                "Message processing rate",
                Map.of(
                        "metric_name",
                        "message_processing_rate",
                        "metric_value",
                        1000,
                        "metric_unit",
                        "msgs/sec",
                        "customer_id",
                        "customer_123",
                        "message_type",
                        "ogx"));

        GatewayLogger auth = GatewayLoggers.auth("authentication");
        try (LogContext.Scope s = LogContext.with("customer_id", "customer_123").open()) {
            auth.warn("Authentication failed", Map.of("reason", "invalid_credentials", "ip_address", "192.0.2.10"));
        }
        assertThat(GatewayLoggers.flush(Duration.ofSeconds(10))).isTrue();

        List<LogRecord> got;
        synchronized (UserSinkProvider.RECEIVED) {
            got = List.copyOf(UserSinkProvider.RECEIVED);
        }
        assertThat(got).anySatisfy(r -> {
            assertThat(r.component()).isEqualTo(LogComponent.API);
            assertThat(r.logger()).isEqualTo("endpoint_name");
            assertThat(r.fields())
                    .containsEntry("request_id", "123")
                    .containsEntry("endpoint", "/api/v1/messages")
                    .containsEntry("customer_id", "customer_123");
        });
        assertThat(got).anySatisfy(r -> {
            assertThat(r.component()).isEqualTo(LogComponent.METRICS);
            assertThat(r.fields())
                    .containsEntry("metric_name", "message_processing_rate")
                    .containsEntry("metric_value", 1000)
                    .containsEntry("metric_unit", "msgs/sec")
                    .containsEntry("message_type", "ogx");
        });
        assertThat(got).anySatisfy(r -> {
            assertThat(r.component()).isEqualTo(LogComponent.AUTH);
            assertThat(r.fields())
                    .containsEntry("reason", "invalid_credentials")
                    .containsEntry("ip_address", "192.0.2.10");
            assertThat(r.context()).containsEntry("customer_id", "customer_123");
        });
    }
}
