package io.gatewaylog.sink.file.internal;

import static io.gatewaylog.sink.file.internal.TestFiles.messages;
import static io.gatewaylog.sink.file.internal.TestFiles.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.core.internal.retention.RetentionJob;
import io.gatewaylog.testkit.RecordingReporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sink.file.compress.delay}: rotated files stay uncompressed (and readable by a shipper that
 * follows them by inode) for the delay, then are compressed; pruning spares them meanwhile; a close or a
 * restart leaves nothing lost or doubled. Delays are a few seconds and the tests await states; they
 * never measure elapsed time.
 */
class CompressDelayTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    final RecordingReporter reporter = new RecordingReporter();

    private RotatingFileSink open(String... kv) {
        Map<String, String> m = settings(root, kv);
        TestContext ctx = TestContext.of(m, reporter);
        return RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter);
    }

    private static List<LogRecord> records(String prefix, int from, int to) {
        List<LogRecord> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            batch.add(TestFiles.record(LogComponent.API, prefix + i, T0 + i));
        }
        return batch;
    }

    private static List<String> expected(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
    }

    private static List<Path> uncompressed(Path dir) throws IOException {
        return TestFiles.archives(dir).stream()
                .filter(p -> !p.getFileName().toString().endsWith(".gz"))
                .toList();
    }

    private static List<Path> compressed(Path dir) throws IOException {
        return TestFiles.archives(dir).stream()
                .filter(p -> p.getFileName().toString().endsWith(".gz"))
                .toList();
    }

    private static Object inode(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
    }

    @Test
    void aShipperFollowingTheRotatedFileByItsHandleReadsTheWholeTailThenItIsCompressed() throws IOException {
        Path dir = root.resolve("api");
        try (RotatingFileSink sink = open(
                "rotation.size",
                "2KB",
                "backups",
                "100",
                "sink.file.durability",
                "flush",
                "sink.file.compress.delay",
                "5s")) {
            sink.write(records("m", 0, 5));
            // The shipper has current.log open and has read what is there so far.
            try (FileChannel shipper = FileChannel.open(dir.resolve("current.log"), StandardOpenOption.READ)) {
                Object followed = inode(dir.resolve("current.log"));
                ByteArrayOutputStream read = new ByteArrayOutputStream();
                readToEnd(shipper, read);
                sink.write(records("m", 5, 40)); // rotates: the file the shipper holds is renamed
                List<Path> waiting = uncompressed(dir);
                assertThat(waiting).as("rotated files waiting for the delay").isNotEmpty();
                assertThat(compressed(dir)).isEmpty();
                await().atMost(WAIT).until(() -> sink.compressor().delayed() == waiting.size());
                Path rotated = waiting.get(0);
                assertThat(inode(rotated)).isEqualTo(followed);
                // It falls behind, then reads on from where it was: the whole tail is there, uncompressed.
                readToEnd(shipper, read);
                assertThat(read.toString(StandardCharsets.UTF_8)).isEqualTo(Files.readString(rotated));
                assertThat(TestFiles.lines(dir)).hasSize(40);

                await().atMost(WAIT).until(() -> uncompressed(dir).isEmpty());
                assertThat(TestFiles.awaitCompressions(sink, WAIT)).isTrue();
                Path gz = dir.resolve(rotated.getFileName() + ".gz");
                TestFiles.assertValidGzip(gz);
                try (InputStream in = TestFiles.open(gz)) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo(read.toString(StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(messages(dir)).containsExactlyElementsOf(expected("m", 0, 40));
        assertThat(uncompressed(dir)).isEmpty();
    }

    private static void readToEnd(FileChannel ch, ByteArrayOutputStream into) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4096);
        while (ch.read(b) > 0) {
            into.write(b.array(), 0, b.position());
            b.clear();
        }
    }

    @Test
    void withoutADelayRotatedFilesAreCompressedAtOnceAsBefore() throws IOException {
        Path dir = root.resolve("api");
        try (RotatingFileSink sink = open("rotation.size", "1KB", "backups", "100")) {
            sink.write(records("m", 0, 30));
            assertThat(sink.compressor().delayed()).isZero();
            assertThat(TestFiles.awaitCompressions(sink, WAIT)).isTrue();
        }
        assertThat(uncompressed(dir)).isEmpty();
        assertThat(messages(dir)).containsExactlyElementsOf(expected("m", 0, 30));
    }

    @Test
    void pruningSparesFilesWaitingForTheirDelayAndKeepsBackupsOnceTheyAreOver() throws IOException {
        Path dir = root.resolve("api");
        try (RotatingFileSink sink = open(
                        "rotation.size",
                        "1KB",
                        "backups",
                        "1",
                        "sink.file.durability",
                        "flush",
                        "sink.file.compress.delay",
                        "5s");
                RetentionJob pruning = Pruning.start(sink, reporter)) {
            sink.write(records("m", 0, 30));
            List<Path> waiting = uncompressed(dir);
            assertThat(waiting).as("all rotated files wait, though backups=1").hasSizeGreaterThan(1);
            long newest = ArchiveNames.parse(
                            waiting.get(waiting.size() - 1).getFileName().toString())
                    .orElseThrow()
                    .sequence();
            assertThat(TestFiles.awaitCompressions(sink, WAIT)).isTrue();
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(TestFiles.archives(dir)).hasSize(1)); // retention's thread
            List<Path> left = TestFiles.archives(dir);
            assertThat(left).hasSize(1);
            ArchiveNames.Parsed kept =
                    ArchiveNames.parse(left.get(0).getFileName().toString()).orElseThrow();
            assertThat(kept.sequence()).isEqualTo(newest);
            assertThat(kept.compressed()).isTrue();
            TestFiles.assertValidGzip(left.get(0));
        }
    }

    @Test
    void withNoBackupsAWaitingFileIsKeptForItsDelayThenRemoved() throws IOException {
        Path dir = root.resolve("api");
        try (RotatingFileSink sink = open(
                        "rotation.size",
                        "1KB",
                        "backups",
                        "0",
                        "sink.file.durability",
                        "flush",
                        "sink.file.compress.delay",
                        "5s");
                RetentionJob pruning = Pruning.start(sink, reporter)) {
            sink.write(records("m", 0, 10));
            assertThat(uncompressed(dir)).isNotEmpty();
            assertThat(TestFiles.awaitCompressions(sink, WAIT)).isTrue();
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(TestFiles.archives(dir)).isEmpty()); // retention's thread
        }
    }

    @Test
    void aCloseLeavesAWaitingFileUncompressedAndTheNextStartCompressesItAfterTheRestOfItsDelay() throws IOException {
        Path dir = root.resolve("api");
        try (RotatingFileSink sink = open("rotation.size", "1KB", "backups", "100", "sink.file.compress.delay", "1h")) {
            sink.write(records("m", 0, 20));
            sink.flush();
        }
        assertThat(reporter.warnings())
                .as("the close did not wait for the delay")
                .noneMatch(w -> w.contains("did not finish"));
        List<Path> left = uncompressed(dir);
        assertThat(left).isNotEmpty();
        assertThat(compressed(dir)).isEmpty();
        // The newest was rotated "just now" (its modification time); the older ones long ago.
        for (Path p : left) {
            Files.setLastModifiedTime(
                    p,
                    FileTime.fromMillis(
                            System.currentTimeMillis() - Duration.ofHours(2).toMillis()));
        }
        Path newest = left.get(left.size() - 1);
        Files.setLastModifiedTime(newest, FileTime.fromMillis(System.currentTimeMillis()));
        try (RotatingFileSink sink = open("rotation.size", "1KB", "backups", "100", "sink.file.compress.delay", "5s")) {
            assertThat(sink.compressor().delayed()).isLessThanOrEqualTo(1);
            await().atMost(WAIT).until(() -> uncompressed(dir).equals(List.of(newest)));
            assertThat(newest).exists();
            assertThat(TestFiles.awaitCompressions(sink, WAIT)).isTrue();
            assertThat(uncompressed(dir)).isEmpty();
            TestFiles.archives(dir).forEach(TestFiles::assertValidGzip);
            sink.write(records("n", 0, 3)); // may rotate again: that file is left waiting by the close
        }
        List<String> want = new ArrayList<>(expected("m", 0, 20));
        want.addAll(expected("n", 0, 3));
        assertThat(messages(dir)).containsExactlyElementsOf(want);
    }

    @Test
    void theRestOfTheDelayIsCountedFromTheModificationTime() throws IOException {
        Path f = Files.writeString(root.resolve(ArchiveNames.rotated(LogComponent.API, 1, T0)), "x\n");
        Duration delay = Duration.ofSeconds(30);
        assertThat(StartupRecovery.remainingDelay(f, Duration.ZERO)).isZero();
        Files.setLastModifiedTime(
                f,
                FileTime.fromMillis(
                        System.currentTimeMillis() - Duration.ofHours(1).toMillis()));
        assertThat(StartupRecovery.remainingDelay(f, delay)).isZero();
        Files.setLastModifiedTime(
                f,
                FileTime.fromMillis(
                        System.currentTimeMillis() + Duration.ofHours(1).toMillis()));
        assertThat(StartupRecovery.remainingDelay(f, delay))
                .as("a clock set back waits the delay, never longer")
                .isEqualTo(delay);
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - 10_000));
        assertThat(StartupRecovery.remainingDelay(f, delay)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void anUncompressedRotatedFileIsAnArchiveName() {
        String name = ArchiveNames.rotated(LogComponent.API, 42, T0);
        ArchiveNames.Parsed parsed = ArchiveNames.parse(name).orElseThrow();
        assertThat(parsed.compressed()).isFalse();
        assertThat(parsed.sequence()).isEqualTo(42);
        assertThat(ArchiveNames.parse(name + ".gz").orElseThrow().compressed()).isTrue();
    }
}
