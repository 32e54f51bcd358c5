package io.gatewaylog.core.internal.retention;

import static io.gatewaylog.core.internal.retention.LogRoot.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Emergency cleanup on a real, small file system: a 4 MB tmpfs filled past the threshold with
 * archives, measured by the real probe ({@link DiskUsageProbe#fileStore()}). Mounting needs root on
 * Linux; elsewhere the test is skipped with a message.
 */
// The tag of the testkit's TmpfsSuite, which core cannot use: failsafe runs it (docs/ARCHITECTURE.md, "Tests and CI").
@Tag("tmpfs")
class TmpfsEmergencyTest {
    private Path mountPoint;
    private boolean mounted;

    @BeforeEach
    void mount() throws Exception {
        // Not a prerequisite CI can install: elsewhere than on Linux the suite always skips.
        assumeTrue(
                System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
                "skipped: mounting a tmpfs needs Linux");
        Prerequisites.require(
                "root".equals(System.getProperty("user.name")),
                "skipped: mounting a tmpfs needs root (run the build as root, or in CI's container)");
        mountPoint = Files.createTempDirectory("gateway-log-tmpfs");
        String out = run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint.toString());
        mounted = out == null;
        Prerequisites.require(mounted, "skipped: 'mount -t tmpfs' failed (a container without CAP_SYS_ADMIN?): " + out);
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            String out = run("umount", mountPoint.toString());
            assertThat(out).as("umount").isNull();
        }
        if (mountPoint != null) {
            Files.deleteIfExists(mountPoint);
        }
    }

    @Test
    void fillingPastTheThresholdTriggersCleanupAndUsageComesBackUnder() throws IOException {
        DiskUsageProbe probe = DiskUsageProbe.fileStore();
        LogRoot logs = new LogRoot(mountPoint);
        List<Path> active = new ArrayList<>();
        for (LogComponent c : LogComponent.values()) {
            active.add(logs.current(c, 64 * 1024));
        }
        assertThat(probe.totalBytes(mountPoint)).isEqualTo(4L << 20);
        Instant now = Instant.now();
        long seq = 1;
        List<Path> metrics = new ArrayList<>(); // newest first: a higher sequence is older here
        List<Path> others = new ArrayList<>();
        LogComponent[] order = {LogComponent.METRICS, LogComponent.PROTOCOL, LogComponent.API, LogComponent.AUTH};
        while (probe.usedRatio(mountPoint) <= 0.90) {
            LogComponent c = order[(int) (seq % order.length)];
            Path p = logs.archive(c, seq, now.minusSeconds(seq), 128 * 1024);
            (c == LogComponent.METRICS ? metrics : others).add(p);
            seq++;
        }
        double before = probe.usedRatio(mountPoint);
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        RecordingReporter reporter = new RecordingReporter();
        RetentionJob job = RetentionJob.create(
                RetentionSettings.parse(settings()),
                List.of(new DirectoryArchiveCatalog(mountPoint)),
                records::add,
                reporter,
                Clock.systemUTC(),
                probe);

        job.tick(); // the start-up run: nothing has expired, the disk is over 85 %

        double after = probe.usedRatio(mountPoint);
        assertThat(before).isGreaterThan(0.85);
        assertThat(after).isLessThan(0.80);
        assertThat(active).allMatch(Files::exists);
        // About 10 % of 4 MB had to go: metrics archives alone were enough, the oldest of them first.
        assertThat(others).as("protocol, api and auth are more valuable").allMatch(Files::exists);
        long kept = metrics.stream().filter(Files::exists).count();
        assertThat(kept).isLessThan(metrics.size());
        assertThat(metrics.subList(0, (int) kept))
                .as("the newest metrics archives are the ones kept")
                .allMatch(Files::exists);
        assertThat(reporter.errors).isEmpty();
        assertThat(EmergencyCleanupTest.gauge(job, "gateway.log.disk.usage.ratio"))
                .isEqualTo(after);
        assertThat(records).isNotEmpty();
    }

    @Test
    void aDiskFullOfAuthArchivesWithinTheirRetentionIsAlertedNotEmptied() throws IOException {
        DiskUsageProbe probe = DiskUsageProbe.fileStore();
        LogRoot logs = new LogRoot(mountPoint);
        logs.current(LogComponent.AUTH, 64 * 1024);
        Instant now = Instant.now();
        List<Path> auth = new ArrayList<>();
        long seq = 1;
        while (probe.usedRatio(mountPoint) <= 0.90) {
            auth.add(logs.archive(LogComponent.AUTH, seq, now.minus(java.time.Duration.ofDays(seq)), 128 * 1024));
            seq++;
        }
        Path expired = logs.archive(LogComponent.AUTH, seq, now.minus(java.time.Duration.ofDays(400)), 128 * 1024);
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        RecordingReporter reporter = new RecordingReporter();
        RetentionJob job = RetentionJob.create(
                RetentionSettings.parse(settings()),
                List.of(new DirectoryArchiveCatalog(mountPoint)),
                records::add,
                reporter,
                Clock.systemUTC(),
                probe);

        job.checkEmergency();

        assertThat(expired).as("past its retention: may go").doesNotExist();
        assertThat(auth).as("within their retention: kept").allMatch(Files::exists);
        assertThat(probe.usedRatio(mountPoint)).isGreaterThan(0.85);
        assertThat(reporter.warnings)
                .anyMatch(w ->
                        w.contains("only auth archives within their retention are left (" + auth.size() + " files"));
        assertThat(records)
                .anyMatch(r -> r.level() == io.gatewaylog.api.Level.ERROR
                        && r.fields().get("protected_auth_files").equals((long) auth.size()));
        assertThat(EmergencyCleanupTest.gauge(job, "gateway.log.retention.emergency.protected.files"))
                .isEqualTo(auth.size());
    }

    /** Runs a command; null on success, else its output. */
    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + out.trim();
    }
}
