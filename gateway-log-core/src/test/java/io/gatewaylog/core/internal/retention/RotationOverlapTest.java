package io.gatewaylog.core.internal.retention;

import static io.gatewaylog.core.internal.retention.LogRoot.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ArchiveCatalog;
import io.gatewaylog.api.spi.ArchiveNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep running while the file sink rotates and compresses in the same directory. */
class RotationOverlapTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock("2024-06-15T12:00:00Z");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final RecordingReporter reporter = new RecordingReporter();

    @Test
    void aFileCompressedOrRotatedBetweenListingAndDeletionIsSkippedWithoutHarm() throws IOException {
        LogRoot logs = new LogRoot(dir);
        Instant old = clock.instant().minus(Duration.ofDays(40));
        Path rotated = logs.rotated(LogComponent.API, 1, old, 100); // the compressor is about to take it
        Path oldGz = logs.archive(LogComponent.API, 0, old, 100);
        Path current = logs.current(LogComponent.API, 100);
        List<Path> madeDuringListing = new ArrayList<>();
        DirectoryArchiveCatalog real = new DirectoryArchiveCatalog(dir);
        ArchiveCatalog racing = new ArchiveCatalog() {
            @Override
            public Path directory(LogComponent c) {
                return real.directory(c);
            }

            @Override
            public List<Archive> archives(LogComponent c) throws IOException {
                List<Archive> listed = real.archives(c);
                if (c == LogComponent.API) {
                    // After the listing, before the deletions: the compressor replaces the rotated file
                    // with its .gz, and a rotation turns current.log into a new (young) archive.
                    Path gz = rotated.resolveSibling(rotated.getFileName() + ".gz");
                    Files.move(rotated, gz, StandardCopyOption.ATOMIC_MOVE);
                    Path young = current.resolveSibling(ArchiveNames.rotated(c, 2, clock.millis()));
                    Files.move(current, young, StandardCopyOption.ATOMIC_MOVE);
                    LogRoot.write(current, 5);
                    madeDuringListing.add(gz);
                    madeDuringListing.add(young);
                }
                return listed;
            }
        };
        RetentionJob job = RetentionJob.create(
                RetentionSettings.parse(settings()),
                List.of(racing),
                records::add,
                reporter,
                clock,
                new FakeDisk(logs, Long.MAX_VALUE, 0));

        List<Deletion> first = job.runDaily();

        assertThat(first).extracting(Deletion::file).containsExactly(oldGz);
        assertThat(reporter.errors).isEmpty();
        assertThat(current).exists();
        assertThat(madeDuringListing).allMatch(Files::exists);

        // The next run sees the compressed archive under its new name and deletes it; the young one stays.
        RetentionJob next = RetentionJob.create(
                RetentionSettings.parse(settings()),
                List.of(real),
                records::add,
                reporter,
                clock,
                new FakeDisk(logs, Long.MAX_VALUE, 0));
        assertThat(next.runDaily()).extracting(Deletion::file).containsExactly(madeDuringListing.get(0));
        assertThat(madeDuringListing.get(1)).exists();
        assertThat(current).exists();
    }

    @Test
    void sweepsRacingARotatingWriterNeverDeleteTheActiveOrAYoungFile() throws Exception {
        LogRoot logs = new LogRoot(dir);
        Path apiDir = logs.dir(LogComponent.API);
        List<Path> expired = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            expired.add(logs.archive(LogComponent.API, i, clock.instant().minus(Duration.ofDays(31 + i)), 50));
        }
        Path current = logs.current(LogComponent.API, 50);
        List<Path> young = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Instant recent = clock.instant().minus(Duration.ofDays(1));
        Thread writer = new Thread(
                () -> {
                    try {
                        for (long seq = 100; seq < 400; seq++) {
                            // Rotate: current.log becomes a rotated file, a fresh current.log follows.
                            Path rotated =
                                    apiDir.resolve(ArchiveNames.rotated(LogComponent.API, seq, recent.toEpochMilli()));
                            Files.move(current, rotated, StandardCopyOption.ATOMIC_MOVE);
                            LogRoot.write(current, 50);
                            // Compress: .gz.tmp, renamed to .gz, then the source removed (as the file sink does).
                            Path gz = rotated.resolveSibling(rotated.getFileName() + ".gz");
                            Path tmp = gz.resolveSibling(gz.getFileName() + ".tmp");
                            Files.copy(rotated, tmp);
                            Files.move(tmp, gz, StandardCopyOption.ATOMIC_MOVE);
                            Files.delete(rotated);
                            young.add(gz);
                        }
                    } catch (Throwable t) {
                        writerFailure.set(t);
                    }
                },
                "rotating-writer");
        RetentionJob job = RetentionJob.create(
                RetentionSettings.parse(settings()),
                List.of(new DirectoryArchiveCatalog(dir)),
                records::add,
                reporter,
                clock,
                new FakeDisk(logs, Long.MAX_VALUE, 0));

        writer.start();
        while (writer.isAlive()) {
            job.runDaily();
        }
        writer.join();
        job.runDaily();

        assertThat(writerFailure.get()).isNull();
        assertThat(reporter.errors).isEmpty();
        assertThat(current).exists();
        assertThat(young).hasSize(300).allMatch(Files::exists);
        assertThat(expired).noneMatch(Files::exists);
        assertThat(records).hasSize(expired.size());
    }
}
