package io.gatewaylog.sink.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.sink.file.audit.AuditVerifier;
import io.gatewaylog.testkit.RecordingReporter;
import io.gatewaylog.testkit.internal.CrashSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM with {@code sink.file.compress.delay=1h} is killed with SIGKILL while rotated files wait for
 * their delay, three times; the next start (with a delay of a few seconds) keeps the newest one
 * uncompressed for the rest of its delay, then compresses it: every acknowledged record present, each
 * line exactly once, every archive whole, the audit trail intact.
 */
@CrashSuite
class CompressDelayCrashTest {
    private static final int CYCLES = 3;
    private static final String[] DURABILITY = {"buffered", "flush", "fsync"};

    @TempDir
    Path root;

    @Test
    void killedWhileRotatedFilesWaitForTheirDelayLosesAndDoublesNothingAndCompressesThemAfterTheRestart()
            throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path stderr = root.resolve("child-stderr.txt");
        Path logs = root.resolve("logs");
        Map<Integer, AtomicInteger> apiAcked = new HashMap<>();
        Map<Integer, AtomicInteger> authAcked = new HashMap<>();
        for (int run = 0; run < CYCLES; run++) {
            AtomicInteger api = new AtomicInteger(-1);
            AtomicInteger auth = new AtomicInteger(-1);
            apiAcked.put(run, api);
            authAcked.put(run, auth);
            Process child = ChildJvm.start(
                    CrashChild.class, stderr, logs.toString(), Integer.toString(run), DURABILITY[run % 3], "1h");
            CountDownLatch writing = new CountDownLatch(1);
            Thread reader = new Thread(() -> CrashTest.readAcks(child, api, auth, writing), "acks-" + run);
            reader.start();
            try {
                assertThat(writing.await(60, TimeUnit.SECONDS))
                        .as("child %d started writing; seed %d", run, seed)
                        .isTrue();
                // Enough records for several rotations of api (32KB) and auth (8KB) in this run.
                await().atMost(Duration.ofSeconds(60)).until(() -> api.get() >= 1000);
                Thread.sleep(random.nextInt(300));
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                reader.join(10_000);
            }
            // With a delay of an hour nothing was compressed yet: every rotated file is still plain.
            assertThat(TestFiles.archives(logs.resolve("api")))
                    .as("seed %d", seed)
                    .isNotEmpty()
                    .noneMatch(p -> p.getFileName().toString().endsWith(".gz"));
        }
        // The newest api file was rotated "just now"; the others long ago (past their delay).
        List<Path> waiting = TestFiles.archives(logs.resolve("api")).stream()
                .filter(p -> ArchiveNames.parse(p.getFileName().toString())
                        .filter(n -> !n.compressed())
                        .isPresent())
                .toList();
        long past = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
        for (Path p : waiting) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(past));
        }
        for (Path p : TestFiles.archives(logs.resolve("auth"))) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(past));
        }
        Path newest = waiting.get(waiting.size() - 1);
        Files.setLastModifiedTime(newest, FileTime.fromMillis(System.currentTimeMillis()));

        RecordingReporter reporter = new RecordingReporter();
        TestContext ctx = TestContext.of(
                Map.of("dir", logs.toString(), "backups", "100000", "sink.file.compress.delay", "10s"), reporter);
        try (RotatingFileSink sink =
                RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter)) {
            Path api = logs.resolve("api");
            // The older files are compressed at once, the newest waits for the rest of its delay ...
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> plain(api).equals(List.of(newest))
                            && plain(logs.resolve("auth")).isEmpty());
            // ... and is compressed after it.
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(60)))
                    .isTrue();
            assertThat(plain(api)).isEmpty();
        }
        for (String c : List.of("api", "auth")) {
            Path dir = logs.resolve(c);
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("seed %d", seed)
                        .allMatch(n -> n.equals("current.log")
                                || n.equals(".lock")
                                || n.equals(".audit-head") && c.equals("auth")
                                || ArchiveNames.parse(n)
                                        .filter(ArchiveNames.Parsed::compressed)
                                        .isPresent());
            }
            TestFiles.archives(dir).forEach(TestFiles::assertValidGzip);
            CrashTest.checkRuns(dir, c.equals("api") ? apiAcked : authAcked, seed);
        }
        AuditVerifier.Result audit = AuditVerifier.verify(logs.resolve("auth"), null);
        assertThat(audit.intact()).as("seed %d: %s", seed, audit).isTrue();
    }

    private static List<Path> plain(Path dir) throws IOException {
        return TestFiles.archives(dir).stream()
                .filter(p -> !p.getFileName().toString().endsWith(".gz"))
                .toList();
    }
}
