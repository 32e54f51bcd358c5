package io.gatewaylog.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.spring.app.OrdersApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Boot application (web and actuator) on a random port, with gateway-log as its logging system. One
 * test: gateway-log starts once per JVM, as in an application.
 */
class BootApplicationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void requestsLevelsMetricsAndShutdown() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OrdersApplication.class)
                .run("--server.port=0", "--gateway.log.dir=" + dir);
        assertThat(LoggingSystem.get(getClass().getClassLoader())).isInstanceOf(GatewayLogLoggingSystem.class);
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");

        assertThat(get(base + "/orders/1")).isEqualTo("order 1");
        String api = apiLog();
        assertThat(api).contains("\"message\":\"Order read\"", "\"order_id\":\"1\"");
        assertThat(api).as("application.yml's process.name").contains("\"name\":\"orders-service\"");
        assertThat(api).doesNotContain("Order detail");
        assertThat(systemLog()).as("logging.level of an SLF4J prefix").doesNotContain("chatty warning");

        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/loggers/gateway.api"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"configuredLevel\":\"DEBUG\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(204);
        get(base + "/orders/2");
        assertThat(apiLog()).contains("\"message\":\"Order detail\"", "\"order_id\":\"2\"");
        assertThat(get(base + "/actuator/loggers/gateway.api")).contains("\"configuredLevel\":\"DEBUG\"");
        assertThat(get(base + "/actuator/loggers")).contains("\"gateway.protocol\"", "\"orders\"");

        assertThat(get(base + "/actuator/prometheus")).contains("gateway_log_records_accepted");

        context.close();
        assertThat(apiLog()).as("logged while the context closed").contains("Context closing");
        assertThat(GatewayLoggers.statistics().component(LogComponent.API).droppedTotal())
                .isZero();

        // what SpringApplication's shutdown hook runs after the contexts closed: gateway-log last
        LoggingSystem.get(getClass().getClassLoader()).getShutdownHandler().run();
        GatewayLoggers.api("orders").info("after shutdown");
        assertThat(GatewayLoggers.statistics().component(LogComponent.API).droppedTotal())
                .isEqualTo(1);
    }

    private String apiLog() throws IOException {
        return read("api");
    }

    private String systemLog() throws IOException {
        return read("system");
    }

    private String read(String component) throws IOException {
        assertThat(GatewayLoggers.flush(Duration.ofSeconds(10))).isTrue();
        Path file = dir.resolve(component).resolve("current.log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
