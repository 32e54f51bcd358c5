package io.gatewaylog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogComponent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo, run for a second with the real backend and sinks: every component gets its file. */
class DemoGatewayTest {
    @TempDir
    Path root;

    @Test
    void logsEveryComponentIntoItsOwnDirectoryAndPrintsASummary() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            DemoGateway.run(new DemoOptions(3000, Duration.ofMillis(1500), "development", root.toString(), "1MB", 0));
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("records/s").contains("component").contains("all buffers drained");
        for (LogComponent c : LogComponent.values()) {
            Path current = root.resolve(c.id()).resolve("current.log");
            assertThat(current).as(c.id()).exists();
            assertThat(Files.size(current)).as(c.id()).isPositive();
        }
        String auth = Files.readString(root.resolve("auth").resolve("current.log"));
        assertThat(auth).doesNotContain("Winter2024!").doesNotContain("@example.com");
    }
}
