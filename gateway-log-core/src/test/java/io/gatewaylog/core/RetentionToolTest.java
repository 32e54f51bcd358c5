package io.gatewaylog.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.core.internal.retention.DiskUsageProbe;
import io.gatewaylog.core.internal.retention.FakeDisk;
import io.gatewaylog.core.internal.retention.LogRoot;
import io.gatewaylog.core.internal.retention.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionToolTest {
    @TempDir
    Path dir;

    private LogRoot logs;
    private final MutableClock clock = new MutableClock("2024-06-15T12:00:00Z");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path expired;
    private Path young;
    private Path current;

    @BeforeEach
    void setUp() {
        logs = new LogRoot(dir);
        expired = logs.archive(LogComponent.API, 1, clock.instant().minus(Duration.ofDays(31)), 1000);
        young = logs.archive(LogComponent.API, 2, clock.instant().minus(Duration.ofDays(1)), 1000);
        current = logs.current(LogComponent.API, 1000);
    }

    private int run(DiskUsageProbe probe, String... args) {
        return RetentionTool.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                clock,
                probe);
    }

    private int run(String... args) {
        return run(new FakeDisk(logs, Long.MAX_VALUE, 0), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dryRunPrintsWhatWouldBeDeletedAndWhyAndDeletesNothing() {
        int code = run("--root", dir.toString(), "--dry-run");

        assertThat(code).isEqualTo(RetentionTool.OK);
        assertThat(out())
                .contains("DRY RUN")
                .contains("retention days: api 30, protocol 30, auth 365, infra 60, system 90, metrics 7")
                .contains("would delete api/" + expired.getFileName() + " (1000 bytes): retention: newest record"
                        + " 31.0 days old > 30 days")
                .contains("would delete 1 archive(s), 1000 bytes")
                .doesNotContain(young.getFileName().toString());
        assertThat(List.of(expired, young, current)).allMatch(Files::exists);
    }

    @Test
    void aRealRunDeletesAndSaysSo() {
        int code = run("--root=" + dir);

        assertThat(code).isEqualTo(RetentionTool.OK);
        assertThat(out()).contains("deleted api/" + expired.getFileName()).contains("deleted 1 archive(s), 1000 bytes");
        assertThat(expired).doesNotExist();
        assertThat(young).exists();
        assertThat(current).exists();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void dryRunEstimatesWhereAnEmergencyCleanupWouldStop() {
        List<Path> metrics = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            metrics.add(logs.archive(LogComponent.METRICS, i, clock.instant().minus(Duration.ofHours(i)), 1000));
        }
        // 100 000-byte disk: 3 000 (api) + 5 000 (metrics) + 79 000 = 87 %; the sweep would free 1 000 (86 %);
        // then metrics until below 80 %: 86 → 85 → … → 81 is still not below, so all five would go, and
        // then api's young archive (80 %, still not below); current.log never.
        FakeDisk disk = new FakeDisk(logs, 100_000, 79_000);

        int code = run(disk, "--root", dir.toString(), "--dry-run");

        assertThat(code).isEqualTo(RetentionTool.OK);
        assertThat(out())
                .contains("disk 86.0% used > threshold 85%: emergency cleanup until below 80%")
                .contains("would delete metrics/" + metrics.get(4).getFileName() + " (1000 bytes): emergency")
                .contains("would delete api/" + young.getFileName() + " (1000 bytes): emergency")
                .contains("would delete 7 archive(s), 7000 bytes")
                .doesNotContain("current.log");
        assertThat(out().indexOf(metrics.get(4).getFileName().toString()))
                .as("oldest first")
                .isLessThan(out().indexOf(metrics.get(0).getFileName().toString()));
        assertThat(metrics).allMatch(Files::exists);
        assertThat(expired).exists();
    }

    @Test
    void aDiskThatStaysFullIsExitCode4() {
        FakeDisk disk = new FakeDisk(logs, 100_000, 95_000);
        int code = run(disk, "--root", dir.toString());
        assertThat(code).isEqualTo(RetentionTool.STILL_FULL);
        assertThat(young).doesNotExist();
        assertThat(current).exists();
        assertThat(out()).contains("the disk is still above 85% used");
    }

    @Test
    void profileAndConfigFileAreHonoured() throws IOException {
        Path config = dir.resolve("gateway-log.properties");
        Files.writeString(config, "production.component.api.retention.days=1\ndisk.threshold=99\n");
        Path twoDays = logs.archive(LogComponent.API, 3, clock.instant().minus(Duration.ofDays(2)), 1000);

        assertThat(run("--root", dir.toString(), "--config", config.toString(), "--profile", "development"))
                .isEqualTo(RetentionTool.OK);
        assertThat(twoDays).exists();
        assertThat(run("--root", dir.toString(), "--config", config.toString(), "--profile", "production"))
                .isEqualTo(RetentionTool.OK);
        assertThat(twoDays).doesNotExist();
        assertThat(young).as("exactly one day old is kept").exists();
        assertThat(out()).contains("profile production").contains("disk threshold 99%");
    }

    @Test
    void exitCodesForBadUsage() throws IOException {
        assertThat(run("--root")).isEqualTo(RetentionTool.USAGE);
        assertThat(run("--bogus")).isEqualTo(RetentionTool.USAGE);
        assertThat(run("--root", dir.toString(), "--profile", "staging")).isEqualTo(RetentionTool.USAGE);
        Path bad = Files.writeString(dir.resolve("bad.properties"), "disk.threshold=200\n");
        assertThat(run("--root", dir.toString(), "--config", bad.toString())).isEqualTo(RetentionTool.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Invalid setting 'disk.threshold' = '200'");
        assertThat(run(
                        "--root",
                        dir.toString(),
                        "--config",
                        dir.resolve("none.properties").toString()))
                .isEqualTo(RetentionTool.USAGE);
        assertThat(run("--root", dir.resolve("missing").toString())).isEqualTo(RetentionTool.NO_ROOT);
        assertThat(run("--help")).isEqualTo(RetentionTool.OK);
        assertThat(out()).contains("usage: RetentionTool").contains("exit codes");
        assertThat(expired).exists();
    }

    @Test
    void retentionEnabledFalseSwitchesOffOnlyTheInProcessJob() {
        System.setProperty("gateway.log.retention.enabled", "false");
        try {
            assertThat(run("--root", dir.toString())).isEqualTo(RetentionTool.OK);
        } finally {
            System.clearProperty("gateway.log.retention.enabled");
        }
        assertThat(expired).doesNotExist();
    }
}
