package io.gatewaylog.sink.file.internal;

import static io.gatewaylog.sink.file.internal.TestFiles.batch;
import static io.gatewaylog.sink.file.internal.TestFiles.messages;
import static io.gatewaylog.sink.file.internal.TestFiles.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ArchiveCatalog.Archive;
import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.api.spi.Measurement;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.core.internal.retention.RetentionJob;
import io.gatewaylog.testkit.RecordingReporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileSinkTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path root;

    final RecordingReporter reporter = new RecordingReporter();

    private RotatingFileSink open(Map<String, String> settings) {
        return open(settings, null);
    }

    private RotatingFileSink open(Map<String, String> settings, RecordEncoder encoder) {
        TestContext ctx = TestContext.of(settings, reporter);
        return RotatingFileSink.open(
                FileSinkConfig.parse(ctx.settings()), encoder == null ? ctx.encoder() : encoder, reporter);
    }

    private static List<String> expected(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void writesOneJsonLinePerRecordIntoTheComponentsCurrentLog() throws IOException {
        try (RotatingFileSink sink = open(settings(root))) {
            sink.write(batch(LogComponent.API, "a", 0, 3, T0));
            sink.write(batch(LogComponent.PROTOCOL, "p", 0, 2, T0));
            sink.flush();
        }
        assertThat(messages(root.resolve("api"))).containsExactly("a0", "a1", "a2");
        assertThat(messages(root.resolve("protocol"))).containsExactly("p0", "p1");
        assertThat(Files.readString(root.resolve("api/current.log")))
                .startsWith("{\"timestamp\":\"2023-11-14T22:13:20.000Z\",\"level\":\"INFO\",\"component\":\"api\"");
        for (LogComponent c : LogComponent.values()) {
            assertThat(root.resolve(c.id()).resolve("current.log")).exists();
        }
    }

    @Test
    void rotatesBeforeALineWouldPassTheRotationSizeAndNamesArchivesBySequenceAndNewestRecord() throws IOException {
        List<LogRecord> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(TestFiles.record(LogComponent.API, "m" + i, T0 + i));
        }
        try (RotatingFileSink sink = open(settings(root, "rotation.size", "2KB", "backups", "1000"))) {
            for (int i = 0; i < 200; i += 20) {
                sink.write(records.subList(i, i + 20));
            }
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(30)))
                    .isTrue();
        }
        Path dir = root.resolve("api");
        List<Path> archives = TestFiles.archives(dir);
        assertThat(archives).hasSizeGreaterThan(5);
        long sequence = 1;
        for (Path a : archives) {
            ArchiveNames.Parsed name =
                    ArchiveNames.parse(a.getFileName().toString()).orElseThrow();
            assertThat(name.sequence()).isEqualTo(sequence++);
            assertThat(name.compressed()).isTrue();
            assertThat(TestFiles.assertValidGzip(a)).isLessThanOrEqualTo(2048);
            List<String> lines = new ArrayList<>();
            try (var in = TestFiles.open(a)) {
                new String(in.readAllBytes()).lines().forEach(lines::add);
            }
            int last = Integer.parseInt(
                    TestFiles.message(lines.get(lines.size() - 1)).substring(1));
            assertThat(name.newestRecordMillis()).isEqualTo(T0 + last);
        }
        assertThat(messages(dir)).containsExactlyElementsOf(expected("m", 0, 200));
        assertThat(Files.size(dir.resolve("current.log"))).isLessThanOrEqualTo(2048);
    }

    @Test
    void keepsTheConfiguredNumberOfBackupsRemovingTheOldestFirst() throws IOException {
        try (RotatingFileSink sink = open(settings(root, "rotation.size", "1KB", "component.api.backups", "3"));
                RetentionJob pruning = Pruning.start(sink, reporter)) {
            for (int i = 0; i < 100; i += 10) {
                sink.write(batch(LogComponent.API, "m", i, 10, T0));
            }
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(30)))
                    .isTrue();
            // Retention's thread prunes beyond backups, told of each rotation and compression.
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(sink.archives(LogComponent.API))
                            .hasSize(3)
                            .allMatch(a -> a.path().getFileName().toString().endsWith(".gz")));
            List<Archive> archives = sink.archives(LogComponent.API);
            assertThat(archives).hasSize(3);
            List<Long> sequences = archives.stream()
                    .map(a -> ArchiveNames.parse(a.path().getFileName().toString())
                            .orElseThrow()
                            .sequence())
                    .toList();
            long total = sink.measurements().stream()
                    .filter(m -> m.name().equals("gateway.log.file.rotations")
                            && m.tags().get("component").equals("api"))
                    .mapToLong(m -> (long) m.value())
                    .sum();
            assertThat(sequences).containsExactly(total - 2, total - 1, total);
            assertThat(archives).allSatisfy(a -> {
                assertThat(a.component()).isEqualTo(LogComponent.API);
                assertThat(a.sizeBytes()).isPositive();
                assertThat(a.newestRecordMillis()).isEqualTo(T0);
            });
            assertThat(sink.directory(LogComponent.API)).isEqualTo(root.resolve("api"));
        }
    }

    @Test
    void sequenceAndNewestRecordTimeContinueAfterARestart() throws IOException {
        Map<String, String> s = settings(root, "rotation.size", "1KB");
        try (RotatingFileSink sink = open(s)) {
            sink.write(batch(LogComponent.API, "first", 0, 12, T0)); // rotates once or more
        }
        List<Path> before = TestFiles.archives(root.resolve("api"));
        long lastSequence = ArchiveNames.parse(
                        before.get(before.size() - 1).getFileName().toString())
                .orElseThrow()
                .sequence();
        try (RotatingFileSink sink = open(s)) {
            // current.log holds lines of T0 + 0 from the first run; older records now must not date it
            sink.write(batch(LogComponent.API, "second", 0, 12, T0 - 60_000));
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(30)))
                    .isTrue();
        }
        List<Path> after = TestFiles.archives(root.resolve("api"));
        ArchiveNames.Parsed next = ArchiveNames.parse(
                        after.get(before.size()).getFileName().toString())
                .orElseThrow();
        assertThat(next.sequence()).isEqualTo(lastSequence + 1);
        assertThat(next.newestRecordMillis()).isEqualTo(T0);
        List<String> all = messages(root.resolve("api"));
        List<String> want = new ArrayList<>(expected("first", 0, 12));
        want.addAll(expected("second", 0, 12));
        assertThat(all).containsExactlyElementsOf(want);
    }

    @Test
    void aBatchWhoseEncodingFailsPartWayKeepsTheWholeLinesBeforeAndTheRetryWritesTheRestOnce() throws IOException {
        AtomicBoolean failed = new AtomicBoolean();
        RecordEncoder real = TestContext.of(Map.of(), reporter).encoder();
        RecordEncoder failingOnce = new RecordEncoder() {
            @Override
            public void encode(LogRecord record, OutputStream out) throws IOException {
                if (record.message().endsWith("7") && failed.compareAndSet(false, true)) {
                    throw new IOException("simulated failure at " + record.message());
                }
                real.encode(record, out);
            }

            @Override
            public byte[] encode(LogRecord record) {
                return real.encode(record);
            }
        };
        try (RotatingFileSink sink = open(settings(root, "sink.file.durability", "flush"), failingOnce)) {
            List<LogRecord> first = batch(LogComponent.API, "m", 0, 10, T0);
            assertThat(sink.write(first)).isEqualTo(7); // m0..m6 taken; m7's encoding failed
            assertThat(messages(root.resolve("api"))).containsExactlyElementsOf(expected("m", 0, 7));
            assertThat(sink.write(new ArrayList<>(first.subList(7, 10)))).isEqualTo(3); // the core retries the rest
            assertThat(reporter.errors()).hasSize(1);
            assertThat(reporter.warnings()).anyMatch(w -> w.contains("works again"));
            assertThat(sink.measurements())
                    .anyMatch(m -> m.name().equals("gateway.log.file.failures")
                            && m.tags().get("component").equals("api")
                            && m.value() == 1);
        }
        assertThat(messages(root.resolve("api"))).containsExactlyElementsOf(expected("m", 0, 10));
    }

    @Test
    void aBatchThatFailsAfterARotationReportsTheRecordsItTookAndTheRetryWritesOnlyTheRest() throws IOException {
        AtomicBoolean failed = new AtomicBoolean();
        RecordEncoder real = TestContext.of(Map.of(), reporter).encoder();
        RecordEncoder failingOnce = new RecordEncoder() {
            @Override
            public void encode(LogRecord record, OutputStream out) throws IOException {
                if (record.message().equals("m17") && failed.compareAndSet(false, true)) {
                    throw new IOException("simulated failure");
                }
                real.encode(record, out);
            }

            @Override
            public byte[] encode(LogRecord record) {
                return real.encode(record);
            }
        };
        try (RotatingFileSink sink =
                open(settings(root, "rotation.size", "1KB", "sink.file.durability", "buffered"), failingOnce)) {
            sink.write(batch(LogComponent.API, "early", 0, 2, T0)); // buffered, accepted
            List<LogRecord> big = batch(LogComponent.API, "m", 0, 20, T0); // rotates before m17
            int taken = sink.write(big);
            assertThat(taken).isEqualTo(17);
            assertThat(sink.write(new ArrayList<>(big.subList(taken, big.size()))))
                    .isEqualTo(3); // the core's retry
            sink.flush();
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(30)))
                    .isTrue();
        }
        List<String> want = new ArrayList<>(expected("early", 0, 2));
        want.addAll(expected("m", 0, 20));
        assertThat(messages(root.resolve("api"))).containsExactlyElementsOf(want);
    }

    @Test
    void bufferedDurabilityKeepsLinesUntilFlushWhileFlushDurabilityWritesEachBatch() throws IOException {
        try (RotatingFileSink sink = open(settings(root, "component.api.sink.file.durability", "flush"))) {
            sink.write(batch(LogComponent.SYSTEM, "s", 0, 3, T0));
            sink.write(batch(LogComponent.API, "a", 0, 3, T0));
            assertThat(Files.size(root.resolve("system/current.log"))).isZero();
            assertThat(messages(root.resolve("api"))).containsExactly("a0", "a1", "a2");
            sink.flush();
            assertThat(messages(root.resolve("system"))).containsExactly("s0", "s1", "s2");
            // auth is fsync'ed by default
            sink.write(batch(LogComponent.AUTH, "u", 0, 1, T0));
            assertThat(messages(root.resolve("auth"))).containsExactly("u0");
        }
    }

    @Test
    void countsBytesRotationsAndCompressionTimePerComponent() throws IOException {
        try (RotatingFileSink sink = open(settings(root, "rotation.size", "1KB", "sink.file.durability", "flush"))) {
            sink.write(batch(LogComponent.METRICS, "x", 0, 30, T0));
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(30)))
                    .isTrue();
            Map<String, Double> metrics = new java.util.HashMap<>();
            for (Measurement m : sink.measurements()) {
                if (m.tags().get("component").equals("metrics")) {
                    metrics.put(m.name(), m.value());
                }
            }
            long onDisk = Files.size(root.resolve("metrics/current.log"));
            for (Path a : TestFiles.archives(root.resolve("metrics"))) {
                onDisk += TestFiles.assertValidGzip(a);
            }
            assertThat(metrics.get("gateway.log.file.bytes.written")).isEqualTo((double) onDisk);
            assertThat(metrics.get("gateway.log.file.rotations")).isGreaterThanOrEqualTo(3);
            assertThat(metrics.get("gateway.log.file.compression.seconds")).isPositive();
            assertThat(metrics.get("gateway.log.file.failures")).isZero();
        }
    }

    @Test
    void compressionCanBeSwitchedOffPerComponent() throws IOException {
        try (RotatingFileSink sink =
                open(settings(root, "rotation.size", "1KB", "component.api.sink.file.compress", "false"))) {
            sink.write(batch(LogComponent.API, "m", 0, 20, T0));
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(30)))
                    .isTrue();
        }
        assertThat(TestFiles.archives(root.resolve("api")))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.getFileName().toString()).doesNotEndWith(".gz"));
        assertThat(messages(root.resolve("api"))).containsExactlyElementsOf(expected("m", 0, 20));
    }
}
