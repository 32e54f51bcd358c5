package io.gatewaylog.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.spring.app.OrdersApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Boot application (web and actuator) on a random port, with gateway-log as its logging system. One
 * test: gateway-log starts once per JVM, as in an application.
 */
class BootApplicationTest {
    /** What gateway-log reports on stderr, from before anything binds it. */
    private static final ByteArrayOutputStream STDERR = new ByteArrayOutputStream();

    private static PrintStream originalErr;

    // java.util.logging holds loggers weakly; application.yml sets org.example.jul to DEBUG
    private static final java.util.logging.Logger JUL = java.util.logging.Logger.getLogger("org.example.jul.Client");
    private static final java.util.logging.Logger JUL_OTHER = java.util.logging.Logger.getLogger("org.example.other");

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @BeforeAll
    static void captureStderr() {
        originalErr = System.err;
        OutputStream both = new OutputStream() {
            @Override
            public synchronized void write(int b) {
                originalErr.write(b);
                STDERR.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                originalErr.write(b, off, len);
                STDERR.write(b, off, len);
            }
        };
        System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void restoreStderr() {
        System.setErr(originalErr);
    }

    @Test
    void requestsLevelsMetricsAndShutdown() throws Exception {
        // before Boot initializes logging: an SLF4J logger made and resolved, a level set, plain and fluent records
        Logger foo = LoggerFactory.getLogger("com.example.Foo");
        assertThat(foo.isInfoEnabled()).isTrue();
        GatewayLogger early = GatewayLoggers.api("early");
        early.setLevel(Level.DEBUG);
        early.debug("early debug record");
        early.atInfo().field("early_field", "kept").log("early fluent record");

        ConfigurableApplicationContext context = new SpringApplicationBuilder(OrdersApplication.class)
                .run("--server.port=0", "--gateway.log.dir=" + dir);
        assertThat(stderr())
                .as("one backend: the starter's supersedes the core's")
                .doesNotContain("several backends");
        assertThat(stderr()).as("the routing came in time").doesNotContain("routing was set after");
        earlyLoggersAndBridges(early, foo);
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

    /** What was logged before Boot initialized logging, the SLF4J routing of application.yml, JUL levels. */
    private void earlyLoggersAndBridges(GatewayLogger early, Logger foo) throws IOException {
        assertThat(early.level()).as("the level set before start-up").isEqualTo(Level.DEBUG);
        assertThat(apiLog())
                .contains("\"message\":\"early debug record\"", "\"message\":\"early fluent record\"")
                .contains("\"early_field\":\"kept\"");

        foo.warn("routed by application.yml");
        assertThat(read("infra")).contains("\"message\":\"routed by application.yml\"", "\"com.example.Foo\"");
        assertThat(systemLog()).doesNotContain("routed by application.yml");

        JUL.fine("jul fine record");
        JUL_OTHER.fine("jul fine elsewhere");
        assertThat(systemLog())
                .as("logging.level.org.example.jul=DEBUG reaches java.util.logging")
                .contains("\"message\":\"jul fine record\"")
                .doesNotContain("jul fine elsewhere");
    }

    private static String stderr() {
        return STDERR.toString(StandardCharsets.UTF_8);
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
