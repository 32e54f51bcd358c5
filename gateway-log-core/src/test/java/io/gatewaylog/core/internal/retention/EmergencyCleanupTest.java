package io.gatewaylog.core.internal.retention;

import static io.gatewaylog.core.internal.retention.LogRoot.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ArchiveCatalog;
import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.api.spi.Measurement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Emergency cleanup with an injected disk-usage probe over real files: a 100 000-byte disk whose usage
 * is the files under the log root plus some other data.
 */
class EmergencyCleanupTest {
    private static final long CAPACITY = 100_000;

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

    private RetentionJob job(FakeDisk disk, String... kv) {
        return job(new DirectoryArchiveCatalog(dir), disk, kv);
    }

    private RetentionJob job(ArchiveCatalog catalog, FakeDisk disk, String... kv) {
        return RetentionJob.create(
                RetentionSettings.parse(settings(kv)), List.of(catalog), records::add, reporter, clock, disk);
    }

    /** Two young 1000-byte archives per component (metrics three), the older one first in the list. */
    private List<Path> twoArchivesPerComponent() {
        List<Path> all = new ArrayList<>();
        for (LogComponent c : LogComponent.values()) {
            int n = c == LogComponent.METRICS ? 3 : 2;
            for (int i = 0; i < n; i++) {
                // Sequence order deliberately opposite to age: the order must follow the newest record.
                all.add(logs.archive(c, 10 - i, clock.instant().minus(Duration.ofHours(1 + i)), 1000));
            }
            logs.current(c, 500);
        }
        return all;
    }

    @Test
    void deletesLeastValuableComponentFirstOldestFirstUntilBelowThresholdMinusMargin() {
        twoArchivesPerComponent(); // 13 000 bytes of archives, 3 000 of active files
        FakeDisk disk = new FakeDisk(logs, CAPACITY, 70_000); // 86 % used
        RetentionJob job = job(disk);

        List<Deletion> deleted = job.checkEmergency();

        // 86 % → below 80 %: seven files of 1000 bytes, leaving 79 %.
        assertThat(deleted)
                .extracting(d -> d.component().id() + ":"
                        + ArchiveNames.parse(d.file().getFileName().toString())
                                .orElseThrow()
                                .sequence())
                .containsExactly(
                        "metrics:8", "metrics:9", "metrics:10", "protocol:9", "protocol:10", "api:9", "api:10");
        assertThat(deleted).allMatch(d -> d.reason() == DeletionReason.EMERGENCY && d.bytes() == 1000);
        assertThat(disk.usedRatio(dir)).isEqualTo(0.79);
        for (LogComponent c : List.of(LogComponent.INFRA, LogComponent.SYSTEM, LogComponent.AUTH)) {
            assertThat(logs.dir(c).toFile().list()).hasSize(3);
        }
    }

    @Test
    void theMarginDecidesWhereCleanupStops() {
        twoArchivesPerComponent();
        FakeDisk disk = new FakeDisk(logs, CAPACITY, 70_000); // 86 %
        List<Deletion> deleted = job(disk, "retention.emergency.margin", "0").checkEmergency();
        // Stops strictly below 85 %: 86 → 85 (not enough) → 84.
        assertThat(deleted).hasSize(2);
        assertThat(disk.usedRatio(dir)).isEqualTo(0.84);
    }

    @Test
    void atOrBelowTheThresholdNothingIsDeleted() {
        twoArchivesPerComponent();
        FakeDisk disk = new FakeDisk(logs, CAPACITY, 69_000); // exactly 85 %
        RetentionJob job = job(disk);
        assertThat(job.checkEmergency()).isEmpty();
        assertThat(records).isEmpty();
        assertThat(gauge(job, "gateway.log.disk.usage.ratio")).isEqualTo(0.85);
        assertThat(gauge(job, "gateway.log.disk.threshold.ratio")).isEqualTo(0.85);
    }

    @Test
    void authGoesLastAndActiveAndForeignFilesAreSpared() {
        Path authOld = logs.archive(LogComponent.AUTH, 1, clock.instant().minus(Duration.ofDays(400)), 1000); // expired
        Path authYoung = logs.archive(LogComponent.AUTH, 2, clock.instant().minus(Duration.ofDays(300)), 1000);
        Path systemYoung = logs.archive(LogComponent.SYSTEM, 1, clock.instant(), 1000);
        Path metricsYoung = logs.archive(LogComponent.METRICS, 1, clock.instant(), 1000);
        List<Path> spared = new ArrayList<>();
        for (LogComponent c : LogComponent.values()) {
            spared.add(logs.current(c, 1000));
            spared.add(logs.other(c, "heap.hprof", 1000));
            spared.add(logs.other(c, c.id() + ".log.000099.20200101T000000000Z.gz.tmp", 1000));
        }
        FakeDisk disk = new FakeDisk(logs, CAPACITY, 80_000); // 101 %: nothing can bring it down
        RetentionJob job = job(disk);

        List<Deletion> deleted = job.checkEmergency();

        assertThat(deleted).extracting(Deletion::file).containsExactly(metricsYoung, systemYoung, authOld);
        assertThat(spared).allMatch(Files::exists);
        assertThat(authYoung).as("auth within its retention").exists();
        assertThat(reporter.warnings).hasSize(1).allMatch(w -> w.contains("still"));
        assertThat(records).extracting(LogRecord::level).contains(Level.ERROR);

        // Still full at the next check: not reported again until usage has been below the threshold.
        clock.advance(Duration.ofSeconds(30));
        job.checkEmergency();
        assertThat(reporter.warnings).hasSize(1);
        disk.otherBytes(0);
        job.checkEmergency();
        disk.otherBytes(95_000);
        job.checkEmergency();
        assertThat(reporter.warnings).hasSize(2);
    }

    @Test
    void authArchivesWithinTheirRetentionAreNeverDeletedByDefaultAndADiskFullOfThemIsAlerted() {
        List<Path> auth = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            auth.add(logs.archive(LogComponent.AUTH, i, clock.instant().minus(Duration.ofDays(10 * i)), 2000));
        }
        Path metrics = logs.archive(LogComponent.METRICS, 1, clock.instant(), 1000);
        FakeDisk disk = new FakeDisk(logs, CAPACITY, 85_000); // 96 %
        RetentionJob job = job(disk);

        List<Deletion> deleted = job.checkEmergency();

        assertThat(deleted).extracting(Deletion::file).containsExactly(metrics);
        assertThat(auth).allMatch(Files::exists);
        assertThat(reporter.warnings)
                .singleElement()
                .asString()
                .contains("only auth archives within their retention are left (5 files, 10000 bytes)")
                .contains("retention.emergency.auth=false");
        assertThat(records)
                .filteredOn(r -> r.level() == Level.ERROR)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.message())
                            .isEqualTo(
                                    "Disk usage still above threshold: only auth archives within their retention are left");
                    assertThat(r.fields())
                            .containsEntry("protected_auth_files", 5L)
                            .containsEntry("protected_auth_bytes", 10_000L);
                });
        assertThat(gauge(job, "gateway.log.retention.emergency.protected.files"))
                .isEqualTo(5);
        assertThat(gauge(job, "gateway.log.retention.emergency.protected.bytes"))
                .isEqualTo(10_000);

        // Space freed elsewhere: the alert gauge goes back to zero.
        disk.otherBytes(0);
        job.checkEmergency();
        assertThat(gauge(job, "gateway.log.retention.emergency.protected.files"))
                .isZero();
    }

    @Test
    void retentionEmergencyAuthAllowsDeletingYoungAuthArchivesOldestFirst() {
        Path older = logs.archive(LogComponent.AUTH, 1, clock.instant().minus(Duration.ofDays(20)), 5000);
        Path newer = logs.archive(LogComponent.AUTH, 2, clock.instant().minus(Duration.ofDays(10)), 5000);
        FakeDisk disk = new FakeDisk(logs, CAPACITY, 80_000); // 90 %
        RetentionJob job = job(disk, "retention.emergency.auth", "true");

        assertThat(job.checkEmergency()).extracting(Deletion::file).containsExactly(older, newer);
        assertThat(gauge(job, "gateway.log.retention.emergency.protected.files"))
                .isZero();
    }

    @Test
    void emergencyDeletionsAreReportedAndCounted() {
        Path m = logs.archive(LogComponent.METRICS, 1, clock.instant().minus(Duration.ofDays(2)), 2000);
        FakeDisk disk = new FakeDisk(logs, CAPACITY, 85_000); // 87 %
        RetentionJob job = job(disk);

        job.checkEmergency();

        assertThat(m).doesNotExist();
        assertThat(records)
                .extracting(LogRecord::message)
                .containsExactly(
                        "Disk usage above threshold: emergency cleanup of log archives",
                        "Deleted log archive to free disk space",
                        "Emergency cleanup of log archives finished");
        assertThat(records).allMatch(r -> r.component() == LogComponent.SYSTEM && r.level() == Level.WARN);
        assertThat(records.get(0).fields())
                .containsEntry("disk_used_percent", 87.0)
                .containsEntry("threshold_percent", 85.0)
                .containsEntry("target_percent", 80.0);
        assertThat(records.get(1).fields())
                .containsEntry("file", m.toString())
                .containsEntry("archive_component", "metrics")
                .containsEntry("reason", "emergency")
                .containsEntry("bytes_freed", 2000L)
                .containsEntry("age_days", 2.0)
                .containsEntry("disk_used_percent", 87.0);
        assertThat(records.get(2).fields())
                .containsEntry("files_deleted", 1)
                .containsEntry("bytes_freed", 2000L)
                .containsEntry("disk_used_percent", 85.0);
        assertThat(DailyRetentionTest.value(job, "gateway.log.retention.deleted.files", "metrics", "emergency"))
                .isEqualTo(1);
        assertThat(DailyRetentionTest.value(job, "gateway.log.retention.deleted.bytes", "metrics", "emergency"))
                .isEqualTo(2000);
        assertThat(gauge(job, "gateway.log.disk.usage.ratio")).isEqualTo(0.85);
    }

    @Test
    void aCatalogListingActiveOrForeignFilesIsOverruled() {
        Path apiDir = logs.dir(LogComponent.API);
        Path current = logs.current(LogComponent.API, 5000);
        Path foreign = logs.other(LogComponent.API, "core.12345", 5000);
        Path wrongComponent = logs.other(LogComponent.API, "metrics.log.000001.20200101T000000000Z.gz", 5000);
        Path outside = LogRoot.write(dir.resolve("api.log.000001.20200101T000000000Z.gz"), 5000);
        List<ArchiveCatalog.Archive> lies = new ArrayList<>();
        for (Path p : List.of(current, foreign, wrongComponent, outside)) {
            lies.add(new ArchiveCatalog.Archive(p, LogComponent.API, 0L, 5000));
        }
        FakeDisk disk = new FakeDisk(logs, CAPACITY, 90_000);

        List<Deletion> deleted =
                job(new DailyRetentionTest.FixedCatalog(apiDir, lies), disk).checkEmergency();

        assertThat(deleted).isEmpty();
        assertThat(List.of(current, foreign, wrongComponent, outside)).allMatch(Files::exists);
        assertThat(reporter.warnings)
                .filteredOn(w -> w.startsWith("retention: refusing"))
                .hasSize(4);
    }

    @Test
    void theDailyRunAndTheEmergencyCheckTogether() {
        // The daily sweep frees what has expired first; the emergency check then finds the disk fine.
        Path expired = logs.archive(LogComponent.PROTOCOL, 1, clock.instant().minus(Duration.ofDays(31)), 10_000);
        Path young = logs.archive(LogComponent.METRICS, 1, clock.instant(), 1000);
        FakeDisk disk = new FakeDisk(logs, CAPACITY, 78_000); // 89 % before, 79 % after the sweep
        RetentionJob job = job(disk);

        job.tick();

        assertThat(expired).doesNotExist();
        assertThat(young).exists();
        assertThat(gauge(job, "gateway.log.disk.usage.ratio")).isEqualTo(0.79);
    }

    static double gauge(RetentionJob job, String name) {
        return job.measurements().stream()
                .filter(m -> m.name().equals(name))
                .mapToDouble(Measurement::value)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void ordersByNewestRecordNotBySequenceOrFileTime() throws Exception {
        Instant now = clock.instant();
        Path newerLowSeq = logs.archive(LogComponent.METRICS, 1, now.minus(Duration.ofMinutes(1)), 5000);
        Path olderHighSeq = logs.archive(LogComponent.METRICS, 2, now.minus(Duration.ofDays(3)), 5000);
        Files.setLastModifiedTime(newerLowSeq, java.nio.file.attribute.FileTime.from(now.minus(Duration.ofDays(9))));
        FakeDisk disk = new FakeDisk(logs, CAPACITY, 77_000); // 87 %: one file brings it to 82 % < 85 - 2
        assertThat(job(disk, "retention.emergency.margin", "2").checkEmergency())
                .extracting(Deletion::file)
                .containsExactly(olderHighSeq);
        assertThat(newerLowSeq).exists();
    }
}
