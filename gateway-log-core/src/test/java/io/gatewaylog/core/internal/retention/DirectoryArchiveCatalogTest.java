package io.gatewaylog.core.internal.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveCatalog.Archive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryArchiveCatalogTest {
    @TempDir
    Path dir;

    @Test
    void listsOnlyTheComponentsOwnArchivesOldestFirstWithTheirNamesTime() throws IOException {
        LogRoot logs = new LogRoot(dir);
        Instant t = Instant.parse("2024-01-01T12:00:00.123Z");
        Path second = logs.archive(LogComponent.API, 2, t.plusSeconds(60), 20);
        Path firstGz = logs.archive(LogComponent.API, 1, t, 10);
        Path firstRaw = logs.rotated(LogComponent.API, 1, t, 30);
        logs.current(LogComponent.API, 5);
        logs.other(LogComponent.API, "api.log.000003.20240101T120000000Z.gz.tmp", 5);
        logs.other(LogComponent.API, "protocol.log.000004.20240101T120000000Z.gz", 5);
        logs.other(LogComponent.API, "README", 5);
        Files.createSymbolicLink(dir.resolve("api").resolve("api.log.000005.20240101T120000000Z.gz"), firstGz);
        Files.createDirectory(dir.resolve("api").resolve("api.log.000006.20240101T120000000Z.gz"));

        DirectoryArchiveCatalog catalog = new DirectoryArchiveCatalog(dir);

        assertThat(catalog.directory(LogComponent.API))
                .isEqualTo(dir.toAbsolutePath().resolve("api"));
        assertThat(catalog.archives(LogComponent.API))
                .containsExactly(
                        new Archive(firstRaw.toAbsolutePath(), LogComponent.API, t.toEpochMilli(), 30),
                        new Archive(firstGz.toAbsolutePath(), LogComponent.API, t.toEpochMilli(), 10),
                        new Archive(
                                second.toAbsolutePath(),
                                LogComponent.API,
                                t.plusSeconds(60).toEpochMilli(),
                                20));
        assertThat(catalog.archives(LogComponent.PROTOCOL))
                .as("protocol's directory does not exist")
                .isEmpty();
    }
}
