package io.gatewaylog.sink.file.internal;

import static io.gatewaylog.sink.file.internal.TestFiles.batch;
import static io.gatewaylog.sink.file.internal.TestFiles.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.sink.file.FileSinkProvider;
import io.gatewaylog.testkit.RecordingReporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockTest {
    @TempDir
    Path root;

    final RecordingReporter reporter = new RecordingReporter();

    private RotatingFileSink open() {
        return (RotatingFileSink) new FileSinkProvider().create(TestContext.of(settings(root), reporter));
    }

    private ChildResult openInChildProcess() throws Exception {
        Process p = ChildJvm.start(LockChild.class, null, root.toString());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ChildResult(p.exitValue(), out);
    }

    record ChildResult(int exit, String output) {}

    @Test
    void aSecondSinkInTheSameJvmFailsClearlyAndTheFirstKeepsItsLock() throws Exception {
        try (RotatingFileSink first = open()) {
            assertThatThrownBy(this::open)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("log directory " + root.resolve("api").toAbsolutePath())
                    .hasMessageContaining("is already in use by another file sink in this JVM")
                    .hasMessageContaining("give each process its own 'dir'");
            first.write(batch(LogComponent.API, "still-mine", 0, 1, 0));
            first.flush();
            // The failed attempt must not have released the first sink's OS lock.
            ChildResult child = openInChildProcess();
            assertThat(child.exit()).isEqualTo(3);
        }
        assertThat(TestFiles.messages(root.resolve("api"))).containsExactly("still-mine0");
        try (RotatingFileSink again = open()) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void aSecondBackendOnTheSameDirectoryFailsToStart() {
        io.gatewaylog.core.GatewayLogBackend first = io.gatewaylog.core.GatewayLogBackend.builder()
                .bindGlobalContext(false)
                .setting("dir", root.toString())
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("retention.enabled", "false")
                .build();
        try {
            assertThatThrownBy(() -> io.gatewaylog.core.GatewayLogBackend.builder()
                            .bindGlobalContext(false)
                            .setting("dir", root.toString())
                            .setting("console.enabled", "false")
                            .setting("shutdown.hook", "false")
                            .setting("retention.enabled", "false")
                            .build())
                    .isInstanceOf(io.gatewaylog.api.spi.SinkConflictException.class)
                    .hasMessageContaining("already in use");
        } finally {
            first.shutdown(java.time.Duration.ofSeconds(10));
        }
    }

    @Test
    void aSecondProcessOnTheSameDirectoryFailsNamingTheOwner() throws Exception {
        try (RotatingFileSink sink = open()) {
            assertThat(sink.directory(LogComponent.API)).isEqualTo(root.resolve("api"));
            ChildResult child = openInChildProcess();
            assertThat(child.exit()).isEqualTo(3);
            assertThat(child.output())
                    .contains("is already in use by another process (pid "
                            + ProcessHandle.current().pid() + ")")
                    .contains(root.resolve("api").toAbsolutePath() + "/.lock");
        }
        ChildResult afterClose = openInChildProcess();
        assertThat(afterClose.output()).isEqualTo("OPENED");
        assertThat(afterClose.exit()).isZero();
    }

    @Test
    void noDirectoryStaysLockedWhenOpeningFailsPartWay() throws IOException {
        try (RotatingFileSink sink = open()) {
            assertThat(sink).isNotNull();
        }
        // Make the metrics directory impossible to create (a file in its place): opening fails after
        // locking the components before it, and must release those locks.
        java.nio.file.Files.delete(root.resolve("metrics/.lock"));
        java.nio.file.Files.delete(root.resolve("metrics/current.log"));
        java.nio.file.Files.delete(root.resolve("metrics"));
        java.nio.file.Files.writeString(root.resolve("metrics"), "in the way");
        assertThatThrownBy(this::open).isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot open");
        java.nio.file.Files.delete(root.resolve("metrics"));
        try (RotatingFileSink sink = open()) {
            assertThat(sink).isNotNull();
        }
    }
}
