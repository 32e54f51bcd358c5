package io.gatewaylog.sink.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.core.GatewayLogBackend;
import io.gatewaylog.testkit.RecordingReporter;
import io.gatewaylog.testkit.internal.Prerequisites;
import io.gatewaylog.testkit.internal.TmpfsSuite;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk full on a real, small file system (a 2 MB tmpfs, mounted by the test when it runs as root): the
 * writer survives, no half line is ever in a file, and writing resumes once space is freed.
 */
@TmpfsSuite
class DiskFullTest {
    private static final int RECORDS = 3000;

    @TempDir
    Path tmp;

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @Test
    void theWriterSurvivesAFullDiskLeavesNoHalfLineAndResumesWhenSpaceReturns() throws Exception {
        Prerequisites.require(
                "root".equals(System.getProperty("user.name")),
                "disk-full test skipped: mounting a tmpfs needs root (run as root to include it)");
        Path mnt = Files.createDirectory(tmp.resolve("mnt"));
        Prerequisites.require(
                run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt.toString()) == 0,
                "disk-full test skipped: could not mount a tmpfs (no CAP_SYS_ADMIN in this container?)");
        GatewayLogBackend backend = null;
        try {
            Path filler = mnt.resolve("filler");
            try (OutputStream out = Files.newOutputStream(filler)) {
                out.write(new byte[1_960 * 1024]);
            }
            RecordingReporter reporter = new RecordingReporter();
            backend = GatewayLogBackend.builder()
                    .setting("dir", mnt.resolve("logs").toString())
                    .setting("console.enabled", "false")
                    .setting("shutdown.hook", "false")
                    // The disk is kept >85% full on purpose: the core's emergency cleanup would delete
                    // archives under the test and log about it into the system component.
                    .setting("retention.enabled", "false")
                    .setting("rotation.size", "128KB")
                    .setting("backups", "1000")
                    .setting("buffer.size", "200")
                    .setting("buffer.max", "100000")
                    .setting("flush.interval", "50ms")
                    .setting("component.system.sink.file.durability", "flush")
                    .reporter(reporter)
                    .build();
            GatewayLogger api = backend.logger(LogComponent.API, "full");
            GatewayLogger system = backend.logger(LogComponent.SYSTEM, "full");
            for (int i = 0; i < RECORDS; i++) {
                api.info("a" + i);
                system.info("s" + i);
            }
            RotatingFileSink sink = backend.sinks().stream()
                    .filter(RotatingFileSink.class::isInstance)
                    .map(RotatingFileSink.class::cast)
                    .findFirst()
                    .orElseThrow();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> failures(sink, "api") > 0 && failures(sink, "system") > 0);
            assertThat(reporter.errors()).anyMatch(e -> e.contains("No space left on device"));

            // While the disk is full: every file holds whole lines only, and retries do not duplicate.
            for (String c : List.of("api", "system")) {
                Path current = mnt.resolve("logs").resolve(c).resolve("current.log");
                byte[] content = Files.readAllBytes(current);
                assertThat(content.length == 0 || content[content.length - 1] == '\n')
                        .as(c)
                        .isTrue();
                new String(content, java.nio.charset.StandardCharsets.UTF_8)
                        .lines()
                        .forEach(TestFiles::message);
            }
            Thread.sleep(600); // a few failed retries
            Files.delete(filler);

            // Space is back: writing resumes (the pipeline retries every 250 ms) without a new record.
            try {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> written(mnt, "api") == RECORDS && written(mnt, "system") == RECORDS);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(
                        "writing did not resume: lines " + written(mnt, "api") + "/" + written(mnt, "system")
                                + ", files " + TestFiles.names(mnt.resolve("logs/api"))
                                + TestFiles.names(mnt.resolve("logs/system"))
                                + ", " + sink.measurements() + ", errors " + reporter.errors() + ", warnings "
                                + reporter.warnings(),
                        e);
            }
            assertThat(backend.shutdown(Duration.ofSeconds(30))).isTrue();
            backend = null;
            assertThat(reporter.warnings()).anyMatch(w -> w.contains("works again"));
            for (String c : List.of("api", "system")) {
                Path dir = mnt.resolve("logs").resolve(c);
                String prefix = c.substring(0, 1);
                assertThat(TestFiles.messages(dir))
                        .containsExactlyElementsOf(IntStream.range(0, RECORDS)
                                .mapToObj(i -> prefix + i)
                                .toList());
                TestFiles.archives(dir).forEach(a -> {
                    if (a.toString().endsWith(".gz")) {
                        TestFiles.assertValidGzip(a);
                    }
                });
            }
        } finally {
            if (backend != null) {
                backend.shutdown(Duration.ofSeconds(10));
            }
            if (run("umount", mnt.toString()) != 0) {
                run("umount", "-l", mnt.toString());
            }
        }
    }

    private static long failures(RotatingFileSink sink, String component) {
        return sink.measurements().stream()
                .filter(m -> m.name().equals("gateway.log.file.failures")
                        && m.tags().get("component").equals(component))
                .mapToLong(m -> (long) m.value())
                .sum();
    }

    private static long written(Path mnt, String component) throws IOException {
        try {
            return TestFiles.lines(mnt.resolve("logs").resolve(component)).size();
        } catch (java.nio.file.NoSuchFileException compressedMeanwhile) {
            return -1;
        }
    }
}
