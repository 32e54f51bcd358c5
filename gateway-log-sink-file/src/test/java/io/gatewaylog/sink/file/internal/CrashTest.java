package io.gatewaylog.sink.file.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.testkit.RecordingReporter;
import io.gatewaylog.testkit.internal.CrashSuite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM writing continuously is killed with SIGKILL at random moments, 30 times, and restarted:
 * no archive is ever corrupt, no temporary file is left, no line is duplicated or cut, and only records
 * that were not acknowledged yet (younger than the durability window) may be missing.
 */
@CrashSuite
class CrashTest {
    private static final int CYCLES = 30;
    private static final String[] DURABILITY = {"buffered", "flush", "fsync"};

    @TempDir
    Path root;

    /** The highest acknowledged sequence per run, for api and auth. */
    final Map<Integer, AtomicInteger> apiAcked = new HashMap<>();

    final Map<Integer, AtomicInteger> authAcked = new HashMap<>();

    @Test
    void killedThirtyTimesWhileWritingLosesOnlyUnacknowledgedRecordsAndNeverCorruptsAnything() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path stderr = root.resolve("child-stderr.txt");
        Path logs = root.resolve("logs");
        Set<Path> checkedArchives = new HashSet<>();
        for (int run = 0; run < CYCLES; run++) {
            AtomicInteger api = new AtomicInteger(-1);
            AtomicInteger auth = new AtomicInteger(-1);
            apiAcked.put(run, api);
            authAcked.put(run, auth);
            Process child = ChildJvm.start(
                    CrashChild.class, stderr, logs.toString(), Integer.toString(run), DURABILITY[run % 3]);
            CountDownLatch writing = new CountDownLatch(1);
            Thread reader = new Thread(() -> readAcks(child, api, auth, writing), "acks-" + run);
            reader.start();
            try {
                assertThat(writing.await(60, TimeUnit.SECONDS))
                        .as(
                                "child %d started writing; seed %d; stderr: %s",
                                run, seed, Files.exists(stderr) ? Files.readString(stderr) : "")
                        .isTrue();
                Thread.sleep(random.nextInt(400));
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                reader.join(10_000);
            }
            // Whatever moment the kill came at, every archive already present is whole.
            for (String c : List.of("api", "auth")) {
                for (Path a : TestFiles.archives(logs.resolve(c))) {
                    if (a.toString().endsWith(".gz") && checkedArchives.add(a)) {
                        TestFiles.assertValidGzip(a);
                    }
                }
            }
        }
        // A last start (recovery), then a clean close that finishes the compression.
        RecordingReporter reporter = new RecordingReporter();
        TestContext ctx = TestContext.of(Map.of("dir", logs.toString(), "backups", "100000"), reporter);
        try (RotatingFileSink sink =
                RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter)) {
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(60)))
                    .isTrue();
        }
        String children = Files.exists(stderr) ? Files.readString(stderr) : "";
        System.out.println("crash test: seed " + seed + "; acknowledged api " + apiAcked + "; auth " + authAcked
                + "; repairs at restarts: " + count(children, "partial last line") + " partial lines cut, "
                + count(children, "did not finish") + " temporary archives removed, "
                + count(children, "may be incomplete") + " archives redone; at the last start: " + reporter.warnings());
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
            checkRuns(dir, c.equals("api") ? apiAcked : authAcked, seed);
        }
        // Killed at any moment, the chain head never runs ahead of the files: the trail verifies intact.
        io.gatewaylog.sink.file.audit.AuditVerifier.Result audit =
                io.gatewaylog.sink.file.audit.AuditVerifier.verify(logs.resolve("auth"), null);
        assertThat(audit.intact()).as("seed %d: %s", seed, audit).isTrue();
        assertThat(audit.warnings()).as("seed %d", seed).isEmpty();
    }

    /** Per run: lines 0..k each exactly once, in order, and k at least the last acknowledged one. */
    static void checkRuns(Path dir, Map<Integer, AtomicInteger> acked, long seed) throws IOException {
        Map<Integer, Integer> next = new HashMap<>();
        TestFiles.forEachLine(dir, line -> {
            String message = TestFiles.message(line);
            int space = message.indexOf(' ');
            int run = Integer.parseInt(message.substring(1, space));
            int seq = Integer.parseInt(message.substring(space + 1));
            int expected = next.getOrDefault(run, 0);
            if (seq != expected) {
                throw new AssertionError(dir.getFileName() + " run " + run + ": expected " + expected + " but read "
                        + seq + " (seed " + seed + ")");
            }
            next.put(run, seq + 1);
        });
        for (Map.Entry<Integer, AtomicInteger> e : acked.entrySet()) {
            int written = next.getOrDefault(e.getKey(), 0) - 1;
            assertThat(written)
                    .as("%s run %d: last written vs last acknowledged (seed %d)", dir.getFileName(), e.getKey(), seed)
                    .isGreaterThanOrEqualTo(e.getValue().get());
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static void readAcks(Process child, AtomicInteger api, AtomicInteger auth, CountDownLatch writing) {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("A ")) {
                    api.set(Integer.parseInt(line.substring(2)));
                    writing.countDown();
                } else if (line.startsWith("U ")) {
                    auth.set(Integer.parseInt(line.substring(2)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the child was killed mid-line: what was read before counts
        }
    }
}
