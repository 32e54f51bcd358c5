package io.gatewaylog.core.internal.retention;

import static io.gatewaylog.core.internal.retention.LogRoot.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the daily sweep and the emergency check run, decided from an injected clock. */
class RetentionScheduleTest {
    @TempDir
    Path dir;

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final RecordingReporter reporter = new RecordingReporter();

    private RetentionJob job(Clock clock, String... kv) {
        LogRoot logs = new LogRoot(dir);
        return RetentionJob.create(
                RetentionSettings.parse(settings(kv)),
                List.of(new DirectoryArchiveCatalog(dir)),
                records::add,
                reporter,
                clock,
                new FakeDisk(logs, Long.MAX_VALUE, 0));
    }

    @Test
    void runsAtStartUpThenDailyAtTheConfiguredTime() {
        MutableClock clock = new MutableClock("2024-06-15T12:00:00Z");
        LogRoot logs = new LogRoot(dir);
        Path expired = logs.archive(LogComponent.API, 1, Instant.parse("2024-05-01T00:00:00Z"), 10);
        // 30 days old at 2024-06-16T01:00Z: expired before the next run, but only deleted by it.
        Path expiresAt1am = logs.archive(LogComponent.API, 2, Instant.parse("2024-05-17T01:00:00Z"), 10);
        RetentionJob job = job(clock, "retention.time", "03:00");

        job.tick(); // start-up
        assertThat(expired).doesNotExist();
        assertThat(expiresAt1am).exists();
        assertThat(job.nextDailyRun()).isEqualTo(Instant.parse("2024-06-16T03:00:00Z"));

        clock.set(Instant.parse("2024-06-16T02:59:59.999Z"));
        job.tick();
        assertThat(expiresAt1am).as("expired at 01:00 but the run is at 03:00").exists();

        clock.set(Instant.parse("2024-06-16T03:00:00Z"));
        job.tick();
        assertThat(expiresAt1am).doesNotExist();
        assertThat(job.nextDailyRun()).isEqualTo(Instant.parse("2024-06-17T03:00:00Z"));
    }

    @Test
    void aLateWakeUpStillRunsOnceAndSchedulesTheNextDay() {
        MutableClock clock = new MutableClock("2024-06-15T12:00:00Z");
        RetentionJob job = job(clock);
        job.tick();
        clock.set(Instant.parse("2024-06-16T09:30:00Z")); // asleep through 03:00 (a suspended VM)
        job.tick();
        assertThat(job.nextDailyRun()).isEqualTo(Instant.parse("2024-06-17T03:00:00Z"));
    }

    @Test
    void theTimeOfDayIsInTheClocksZoneAcrossDaylightSavingChanges() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        MutableClock summer = new MutableClock(Instant.parse("2024-06-15T12:00:00Z"), berlin);
        RetentionJob job = job(summer, "retention.time", "03:00");
        job.tick();
        assertThat(job.nextDailyRun()).isEqualTo(Instant.parse("2024-06-16T01:00:00Z")); // 03:00 CEST

        // 02:30 does not exist in Berlin on 2024-03-31: the run moves to just after the gap.
        MutableClock spring = new MutableClock(Instant.parse("2024-03-30T12:00:00Z"), berlin);
        RetentionJob gap = job(spring, "retention.time", "02:30");
        gap.tick();
        assertThat(gap.nextDailyRun()).isEqualTo(Instant.parse("2024-03-31T01:30:00Z")); // 03:30 CEST
        spring.set(gap.nextDailyRun());
        gap.tick();
        assertThat(gap.nextDailyRun()).isEqualTo(Instant.parse("2024-04-01T00:30:00Z")); // 02:30 CEST
    }

    @Test
    void aClockSetBackDoesNotPostponeTheDailyRunByMoreThanADay() {
        MutableClock clock = new MutableClock("2024-06-15T12:00:00Z");
        RetentionJob job = job(clock);
        job.tick();
        clock.set(Instant.parse("2024-06-05T12:00:00Z"));
        job.tick();
        assertThat(job.nextDailyRun()).isEqualTo(Instant.parse("2024-06-06T03:00:00Z"));
    }

    @Test
    void theEmergencyCheckRunsEveryInterval() {
        MutableClock clock = new MutableClock("2024-06-15T12:00:00Z");
        LogRoot logs = new LogRoot(dir);
        FakeDisk disk = new FakeDisk(logs, 1_000_000, 0);
        RetentionJob job = RetentionJob.create(
                RetentionSettings.parse(settings("retention.emergency.interval", "30s")),
                List.of(new DirectoryArchiveCatalog(dir)),
                records::add,
                reporter,
                clock,
                disk);
        logs.current(LogComponent.API, 10);

        job.tick();
        int probes = disk.probes.get();
        assertThat(probes).isPositive();
        assertThat(job.nextEmergencyCheck()).isEqualTo(Instant.parse("2024-06-15T12:00:30Z"));
        clock.advance(Duration.ofSeconds(29));
        job.tick();
        assertThat(disk.probes.get()).isEqualTo(probes);
        clock.advance(Duration.ofSeconds(1));
        job.tick();
        assertThat(disk.probes.get()).isGreaterThan(probes);
    }

    @Test
    void theBackgroundThreadRunsAtStartUpAndStopsOnClose() {
        LogRoot logs = new LogRoot(dir);
        Path expired = logs.archive(LogComponent.METRICS, 1, Instant.now().minus(Duration.ofDays(8)), 10);
        Path young = logs.archive(LogComponent.METRICS, 2, Instant.now(), 10);
        try (RetentionJob job = RetentionJob.start(
                settings(),
                List.of(new DirectoryArchiveCatalog(dir)),
                records::add,
                reporter,
                Clock.systemUTC(),
                new FakeDisk(logs, Long.MAX_VALUE, 0))) {
            assertThat(retentionThreads()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> !expired.toFile().exists());
            assertThat(young).exists();
            assertThat(records).hasSize(1);
        }
        // close() waits for the executor to terminate; the thread itself exits a moment later.
        await().atMost(Duration.ofSeconds(10)).until(() -> retentionThreads() == 0);
    }

    @Test
    void noThreadWhenDisabledOrWithoutCatalogs() {
        await().atMost(Duration.ofSeconds(10)).until(() -> retentionThreads() == 0); // another test's, exiting
        try (RetentionJob disabled = RetentionJob.start(
                        settings("retention.enabled", "false"),
                        List.of(new DirectoryArchiveCatalog(dir)),
                        records::add,
                        reporter,
                        Clock.systemUTC(),
                        DiskUsageProbe.fileStore());
                RetentionJob none = RetentionJob.start(
                        settings(), List.of(), records::add, reporter, Clock.systemUTC(), DiskUsageProbe.fileStore())) {
            assertThat(retentionThreads()).isZero();
            assertThat(disabled.measurements()).extracting(m -> m.name()).contains("gateway.log.disk.threshold.ratio");
            assertThat(none.measurements()).isNotEmpty();
        }
    }

    private static long retentionThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("gateway-log-retention") && t.isAlive())
                .count();
    }
}
