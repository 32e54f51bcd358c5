package io.gatewaylog.sink.file.internal;

import static io.gatewaylog.sink.file.internal.TestFiles.batch;
import static io.gatewaylog.sink.file.internal.TestFiles.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.testkit.RecordingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermissionsTest {
    @TempDir
    Path tmp;

    Path root;

    final RecordingReporter reporter = new RecordingReporter();

    @BeforeEach
    void posixOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                FilePermissions.supported(tmp), "POSIX file modes unsupported here");
        root = tmp.resolve("logs");
    }

    private RotatingFileSink open(Map<String, String> settings) {
        TestContext ctx = TestContext.of(settings, reporter);
        return RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void authIsOwnerOnlyAndOtherComponentsOwnerAndGroupArchivesIncluded() throws IOException {
        try (RotatingFileSink sink = open(settings(root, "rotation.size", "1KB"))) {
            sink.write(batch(LogComponent.AUTH, "u", 0, 20, 0));
            sink.write(batch(LogComponent.API, "a", 0, 20, 0));
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(10)))
                    .isTrue();
        }
        assertThat(mode(root)).isEqualTo("rwxr-x---");
        assertThat(mode(root.resolve("auth"))).isEqualTo("rwx------");
        assertThat(mode(root.resolve("auth/current.log"))).isEqualTo("rw-------");
        assertThat(mode(root.resolve("api"))).isEqualTo("rwxr-x---");
        assertThat(mode(root.resolve("api/current.log"))).isEqualTo("rw-r-----");
        assertThat(TestFiles.archives(root.resolve("auth")))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(mode(p)).isEqualTo("rw-------"));
        assertThat(TestFiles.archives(root.resolve("api")))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(mode(p)).isEqualTo("rw-r-----"));
        assertThat(mode(root.resolve("auth/.lock"))).isEqualTo("rw-------");
    }

    @Test
    void modesAreConfigurableAndEnforcedOnExistingFiles() throws IOException {
        Files.createDirectories(root.resolve("infra"));
        Files.setPosixFilePermissions(root.resolve("infra"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(root.resolve("infra/current.log"), "");
        Files.setPosixFilePermissions(root.resolve("infra/current.log"), PosixFilePermissions.fromString("rw-rw-rw-"));
        try (RotatingFileSink sink = open(settings(
                root,
                "rotation.size",
                "1KB",
                "component.infra.sink.file.file-mode",
                "0660",
                "component.infra.sink.file.dir-mode",
                "0770",
                "sink.file.strict.permissions",
                "false"))) {
            sink.write(batch(LogComponent.INFRA, "i", 0, 20, 0));
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(10)))
                    .isTrue();
        }
        assertThat(mode(root.resolve("infra"))).isEqualTo("rwxrwx---");
        assertThat(mode(root.resolve("infra/current.log"))).isEqualTo("rw-rw----");
        assertThat(TestFiles.archives(root.resolve("infra")))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(mode(p)).isEqualTo("rw-rw----"));
    }

    @Test
    void anArchiveKeepsTheModeItsSourceHad() throws IOException {
        Path dir = Files.createDirectories(root.resolve("api"));
        Path rotated = dir.resolve(io.gatewaylog.api.spi.ArchiveNames.rotated(LogComponent.API, 1, 0));
        Files.writeString(rotated, "{\"message\":\"old\"}\n");
        Files.setPosixFilePermissions(rotated, PosixFilePermissions.fromString("rw-------"));
        try (RotatingFileSink sink = open(settings(root))) {
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(10)))
                    .isTrue();
        }
        assertThat(mode(dir.resolve(rotated.getFileName() + ".gz"))).isEqualTo("rw-------");
    }
}
