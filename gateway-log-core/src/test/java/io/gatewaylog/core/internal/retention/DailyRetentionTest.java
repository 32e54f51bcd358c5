package io.gatewaylog.core.internal.retention;

import static io.gatewaylog.core.internal.retention.LogRoot.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ArchiveCatalog;
import io.gatewaylog.api.spi.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily sweep with an injected clock and real files. */
class DailyRetentionTest {
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path dir;

    private LogRoot logs;
    private final MutableClock clock = new MutableClock("2024-06-15T12:00:00Z");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeEach
    void setUp() {
        logs = new LogRoot(dir);
    }

    private RetentionJob job(ArchiveCatalog catalog, String... kv) {
        return RetentionJob.create(
                RetentionSettings.parse(settings(kv)),
                List.of(catalog),
                records::add,
                reporter,
                clock,
                new FakeDisk(logs, Long.MAX_VALUE, 0));
    }

    private RetentionJob job(String... kv) {
        return job(new DirectoryArchiveCatalog(dir), kv);
    }

    private Instant daysAgo(long days) {
        return clock.instant().minus(Duration.ofDays(days));
    }

    @Test
    void exactlyNDaysOldIsKeptAndOneMillisecondMoreIsDeleted() {
        Path api30 = logs.archive(LogComponent.API, 1, daysAgo(30), 10);
        Path api30plus = logs.archive(LogComponent.API, 2, daysAgo(30).minusMillis(1), 10);
        Path metrics7 = logs.archive(LogComponent.METRICS, 1, daysAgo(7), 10);
        Path metrics7plus = logs.archive(LogComponent.METRICS, 2, daysAgo(7).minusMillis(1), 10);
        Path auth365 = logs.archive(LogComponent.AUTH, 1, daysAgo(365), 10);
        Path auth365plus = logs.rotated(LogComponent.AUTH, 2, daysAgo(365).minusMillis(1), 10);

        List<Deletion> deleted = job().runDaily();

        assertThat(deleted).extracting(Deletion::file).containsExactlyInAnyOrder(api30plus, metrics7plus, auth365plus);
        assertThat(api30).exists();
        assertThat(metrics7).exists();
        assertThat(auth365).exists();
        assertThat(api30plus).doesNotExist();
        assertThat(metrics7plus).doesNotExist();
        assertThat(auth365plus).doesNotExist();
        assertThat(reporter.errors).isEmpty();
    }

    @Test
    void everyComponentIsAgedByItsOwnRetention() {
        long[] ages = {6, 8, 29, 31, 59, 61, 89, 91, 364, 366};
        List<Path> kept = new ArrayList<>();
        List<Path> gone = new ArrayList<>();
        Map<LogComponent, Integer> days = Map.of(
                LogComponent.METRICS,
                7,
                LogComponent.PROTOCOL,
                30,
                LogComponent.API,
                30,
                LogComponent.INFRA,
                60,
                LogComponent.SYSTEM,
                90,
                LogComponent.AUTH,
                365);
        for (LogComponent c : LogComponent.values()) {
            long seq = 1;
            for (long age : ages) {
                Path p = logs.archive(c, seq++, daysAgo(age), 100);
                (age > days.get(c) ? gone : kept).add(p);
            }
            logs.current(c, 100);
        }

        List<Deletion> deleted = job().runDaily();

        assertThat(deleted).extracting(Deletion::file).containsExactlyInAnyOrderElementsOf(gone);
        assertThat(kept).allMatch(Files::exists);
        assertThat(gone).noneMatch(Files::exists);
        for (LogComponent c : LogComponent.values()) {
            assertThat(dir.resolve(c.id()).resolve("current.log")).exists();
        }
    }

    @Test
    void aComponentsOwnSettingOverridesItsDefault() {
        Path auth = logs.archive(LogComponent.AUTH, 1, daysAgo(40), 10);
        Path api = logs.archive(LogComponent.API, 1, daysAgo(40), 10);

        job("component.auth.retention.days", "31", "component.api.retention.days", "41")
                .runDaily();

        assertThat(auth).doesNotExist();
        assertThat(api).exists();
    }

    @Test
    void eachDeletionIsReportedAsASystemRecordAndCounted() throws IOException {
        Path old = logs.archive(LogComponent.INFRA, 7, daysAgo(61), 1234);
        RetentionJob job = job();

        job.runDaily();

        assertThat(records).hasSize(1);
        LogRecord r = records.get(0);
        assertThat(r.component()).isEqualTo(LogComponent.SYSTEM);
        assertThat(r.level()).isEqualTo(Level.INFO);
        assertThat(r.logger()).isEqualTo("gateway.log.retention");
        assertThat(r.epochMillis()).isEqualTo(clock.millis());
        assertThat(r.message()).isEqualTo("Deleted log archive older than its retention");
        assertThat(r.fields())
                .containsEntry("file", old.toAbsolutePath().toString())
                .containsEntry("archive_component", "infra")
                .containsEntry("reason", "retention")
                .containsEntry("bytes_freed", 1234L)
                .containsEntry("age_days", 61.0)
                .containsEntry("retention_days", 60);
        assertThat(value(job, "gateway.log.retention.deleted.files", "infra", "retention"))
                .isEqualTo(1);
        assertThat(value(job, "gateway.log.retention.deleted.bytes", "infra", "retention"))
                .isEqualTo(1234);
        assertThat(value(job, "gateway.log.retention.deleted.files", "infra", "emergency"))
                .isZero();
        assertThat(value(job, "gateway.log.retention.deleted.files", "api", "retention"))
                .isZero();
    }

    static double value(RetentionJob job, String name, String component, String reason) {
        return job.measurements().stream()
                .filter(m -> m.name().equals(name) && m.tags().equals(Map.of("component", component, "reason", reason)))
                .mapToDouble(Measurement::value)
                .sum();
    }

    @Test
    void activeForeignAndLookAlikeFilesAreNeverTouchedHoweverOld() throws IOException {
        Path current = logs.current(LogComponent.API, 10);
        Files.setLastModifiedTime(current, java.nio.file.attribute.FileTime.from(daysAgo(1000)));
        Path notes = logs.other(LogComponent.API, "notes.txt", 10);
        Path tmp = logs.other(LogComponent.API, "api.log.000001.20200101T000000000Z.gz.tmp", 10);
        Path otherComponent = logs.other(LogComponent.API, "auth.log.000001.20200101T000000000Z.gz", 10);
        Path upperCase = logs.other(LogComponent.API, "API.LOG.000001.20200101T000000000Z.GZ", 10);
        Path shortSeq = logs.other(LogComponent.API, "api.log.1.20200101T000000000Z.gz", 10);
        Path target = LogRoot.write(dir.resolve("precious.bin"), 10);
        Path link = dir.resolve("api").resolve("api.log.000002.20200101T000000000Z.gz");
        Files.createSymbolicLink(link, target);
        Path nested = Files.createDirectories(dir.resolve("api").resolve("api.log.000003.20200101T000000000Z.gz"));

        assertThat(job().runDaily()).isEmpty();

        assertThat(List.of(current, notes, tmp, otherComponent, upperCase, shortSeq, target, nested))
                .allMatch(Files::exists);
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void theTimeInTheNameProtectsAYoungFileFromACatalogThatSaysItIsOld() {
        Path young = logs.archive(LogComponent.API, 1, daysAgo(1), 10);
        ArchiveCatalog lying = new FixedCatalog(
                dir.resolve("api"), List.of(new ArchiveCatalog.Archive(young, LogComponent.API, 0L, 10)));

        assertThat(job(lying).runDaily()).isEmpty();
        assertThat(young).exists();
    }

    @Test
    void filesACatalogListsOutsideItsRulesAreRefusedAndReported() {
        Path apiDir = logs.dir(LogComponent.API);
        Path current = logs.current(LogComponent.API, 10);
        Path foreign = logs.other(LogComponent.API, "gateway.dump", 10);
        Path authName = logs.other(LogComponent.API, "auth.log.000001.20200101T000000000Z.gz", 10);
        Path elsewhere = logs.archive(LogComponent.SYSTEM, 1, daysAgo(400), 10);
        Path viaDotDot = apiDir.resolve("..").resolve("system").resolve(elsewhere.getFileName());
        List<ArchiveCatalog.Archive> lies = new ArrayList<>();
        for (Path p : List.of(current, foreign, authName, elsewhere, viaDotDot)) {
            lies.add(new ArchiveCatalog.Archive(p, LogComponent.API, 0L, 10));
        }

        assertThat(job(new FixedCatalog(apiDir, lies)).runDaily()).isEmpty();

        assertThat(List.of(current, foreign, authName, elsewhere)).allMatch(Files::exists);
        assertThat(reporter.warnings).hasSize(4).allMatch(w -> w.startsWith("retention: refusing to delete"));
    }

    @Test
    void aCatalogThatFailsIsReportedAndTheOthersGoOn() {
        Path old = logs.archive(LogComponent.API, 1, daysAgo(40), 10);
        ArchiveCatalog broken = new FixedCatalog(dir.resolve("nowhere"), List.of()) {
            @Override
            public List<Archive> archives(LogComponent component) throws IOException {
                throw new IOException("disk on fire");
            }
        };
        RetentionJob job = RetentionJob.create(
                RetentionSettings.parse(settings()),
                List.of(broken, new DirectoryArchiveCatalog(dir)),
                records::add,
                reporter,
                clock,
                new FakeDisk(logs, Long.MAX_VALUE, 0));

        job.runDaily();

        assertThat(old).doesNotExist();
        assertThat(reporter.errors).isNotEmpty().allMatch(e -> e.contains("disk on fire"));
    }

    @Test
    void aMissingComponentDirectoryIsNotAnError() {
        assertThat(job().runDaily()).isEmpty();
        assertThat(reporter.errors).isEmpty();
        assertThat(reporter.warnings).isEmpty();
    }

    /** A catalog that lists what the test says, for one directory used by every component. */
    static class FixedCatalog implements ArchiveCatalog {
        private final Path directory;
        private final List<Archive> archives;

        FixedCatalog(Path directory, List<Archive> archives) {
            this.directory = directory;
            this.archives = archives;
        }

        @Override
        public Path directory(LogComponent component) {
            return component == LogComponent.API ? directory : null;
        }

        @Override
        public List<Archive> archives(LogComponent component) throws IOException {
            return component == LogComponent.API ? archives : List.of();
        }
    }
}
