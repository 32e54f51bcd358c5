package io.gatewaylog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogComponent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo, run for a second and a half with the real backend and sinks: every component gets its file,
 * the summary says where the auth events went, and stderr stays quiet: with no syslog collector on the
 * machine (none on CI), one line says so, and nothing says records were lost. The records the dashboard's
 * Gateway row reads are there.
 */
class DemoGatewayTest {
    @TempDir
    Path root;

    @Test
    void logsEveryComponentIntoItsOwnDirectoryAndPrintsASummary() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            DemoGateway.run(new DemoOptions(3000, Duration.ofMillis(1500), "development", root.toString(), "1MB", 0));
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("records/s")
                .contains("component")
                .contains("all buffers drained")
                .contains("auth events: ")
                .contains("  syslog: ");
        List<String> err = capturedErr.toString(StandardCharsets.UTF_8).lines().toList();
        original.println("demo stderr: " + err);
        assertThat(err)
                .as("stderr")
                .hasSizeLessThanOrEqualTo(1)
                .noneMatch(l -> l.contains("lost") || l.contains("dropped") || l.contains("reconnected"));
        if (Files.exists(Path.of("/dev/log"))) {
            // JNA ships with the demo: the machine's syslog daemon gets the auth events.
            assertThat(out).contains("sent to unix:/dev/log");
        }
        for (LogComponent c : LogComponent.values()) {
            Path current = root.resolve(c.id()).resolve("current.log");
            assertThat(current).as(c.id()).exists();
            assertThat(Files.size(current)).as(c.id()).isPositive();
        }
        String auth = Files.readString(root.resolve("auth").resolve("current.log"));
        assertThat(auth).doesNotContain("Winter2024!").doesNotContain("@example.com");
        // what the dashboard's Gateway row reads: the metric records and some errors to count
        assertThat(allLines("metrics"))
                .contains(
                        "\"name\":\"message_processing_rate\"",
                        "\"name\":\"api_latency\"",
                        "\"name\":\"token_refreshes\"");
        assertThat(allLines("api")).contains("\"level\":\"ERROR\"");
    }

    /** Every line of a component, its rotated files included. */
    private String allLines(String component) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(root.resolve(component))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try (InputStream in = f.toString().endsWith(".gz")
                        ? new GZIPInputStream(Files.newInputStream(f))
                        : Files.newInputStream(f)) {
                    all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return all.toString();
    }
}
