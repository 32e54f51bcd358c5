package io.gatewaylog.slf4j.testing;

import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.BackendProvider;
import io.gatewaylog.api.spi.LoggingBackend;
import io.gatewaylog.core.GatewayLogBackend;
import io.gatewaylog.testkit.InMemorySink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The backend of the test JVM (named by {@code -Dgateway.log.backend} in the pom): the real core with
 * an {@link InMemorySink} and the JSON-lines {@link FileSinkProvider test file sink} found through
 * ServiceLoader, everything at TRACE. Bridges reach it through {@code GatewayLoggers}, as in production.
 */
public final class TestBackendProvider implements BackendProvider {
    /** Every record of every component. */
    public static final InMemorySink MEMORY = InMemorySink.create();
    /** Root directory of the test file sink. */
    public static final Path DIR = createDir();

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public LoggingBackend create(Map<String, String> settings) {
        return GatewayLogBackend.builder()
                .settings(settings)
                .setting("level", "TRACE")
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("asset.id", "gateway_test")
                .setting("dir", DIR.toString())
                .sink(MEMORY)
                .build();
    }

    /** Everything written so far, after flushing the pipelines. */
    public static List<LogRecord> records() {
        GatewayLoggers.flush(Duration.ofSeconds(10));
        return MEMORY.records();
    }

    /** The records of logger {@code name}, after flushing. */
    public static List<LogRecord> records(String logger) {
        return records().stream().filter(r -> r.logger().equals(logger)).toList();
    }

    /** Forgets the records so far (flushing first, so that none arrives late). */
    public static void clear() {
        GatewayLoggers.flush(Duration.ofSeconds(10));
        MEMORY.clear();
    }

    private static Path createDir() {
        try {
            // Under target/, so that "mvn clean" removes it.
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "test-logs-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
