package io.gatewaylog.sink.file.internal;

import static io.gatewaylog.sink.file.internal.TestFiles.batch;
import static io.gatewaylog.sink.file.internal.TestFiles.messages;
import static io.gatewaylog.sink.file.internal.TestFiles.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.testkit.RecordingReporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each state a crash can leave a component directory in, finished or cleaned up at the next start. */
class StartupRecoveryTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path root;

    final RecordingReporter reporter = new RecordingReporter();

    private RotatingFileSink open() {
        TestContext ctx = TestContext.of(settings(root, "rotation.size", "1KB"), reporter);
        return RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter);
    }

    private static String line(String message) {
        return "{\"timestamp\":\"2023-11-14T22:13:20.000Z\",\"level\":\"INFO\",\"component\":\"api\",\"message\":\""
                + message + "\"}\n";
    }

    private Path api() throws IOException {
        return Files.createDirectories(root.resolve("api"));
    }

    private static void gzip(Path target, String content, boolean complete) throws IOException {
        byte[] compressed;
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content.getBytes(StandardCharsets.UTF_8));
        }
        compressed = bytes.toByteArray();
        Files.write(target, complete ? compressed : java.util.Arrays.copyOf(compressed, compressed.length / 2));
    }

    @Test
    void aRotatedFileLeftUncompressedIsCompressed() throws IOException {
        Path dir = api();
        Path rotated = dir.resolve(ArchiveNames.rotated(LogComponent.API, 1, T0));
        Files.writeString(rotated, line("a") + line("b"));
        try (RotatingFileSink sink = open()) {
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(10)))
                    .isTrue();
        }
        assertThat(rotated).doesNotExist();
        Path gz = dir.resolve(ArchiveNames.compressed(LogComponent.API, 1, T0));
        TestFiles.assertValidGzip(gz);
        assertThat(messages(dir)).containsExactly("a", "b");
    }

    @Test
    void aTemporaryArchiveIsDeletedAndItsSourceCompressedAgain() throws IOException {
        Path dir = api();
        Path rotated = dir.resolve(ArchiveNames.rotated(LogComponent.API, 1, T0));
        Files.writeString(rotated, line("a"));
        Path tmp = dir.resolve(ArchiveNames.compressed(LogComponent.API, 1, T0) + ".tmp");
        gzip(tmp, line("a"), false);
        Path foreign = dir.resolve("notes.gz.tmp"); // not ours: never touched
        Files.writeString(foreign, "x");
        try (RotatingFileSink sink = open()) {
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(10)))
                    .isTrue();
        }
        assertThat(tmp).doesNotExist();
        assertThat(foreign).exists();
        assertThat(messages(dir)).containsExactly("a");
        assertThat(reporter.warnings()).anyMatch(w -> w.contains("did not finish"));
    }

    @Test
    void anArchiveWhoseSourceStillExistsIsDiscardedAndRedone() throws IOException {
        Path dir = api();
        Path rotated = dir.resolve(ArchiveNames.rotated(LogComponent.API, 2, T0));
        Files.writeString(rotated, line("whole1") + line("whole2"));
        Path partial = dir.resolve(ArchiveNames.compressed(LogComponent.API, 2, T0));
        gzip(partial, line("whole1") + line("whole2"), false);
        try (RotatingFileSink sink = open()) {
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(10)))
                    .isTrue();
        }
        assertThat(rotated).doesNotExist();
        TestFiles.assertValidGzip(partial);
        assertThat(messages(dir)).containsExactly("whole1", "whole2");
    }

    @Test
    void aCompleteArchiveWithoutSourceIsLeftAlone() throws IOException {
        Path dir = api();
        Path gz = dir.resolve(ArchiveNames.compressed(LogComponent.API, 3, T0));
        gzip(gz, line("kept"), true);
        long modified = Files.getLastModifiedTime(gz).toMillis();
        try (RotatingFileSink sink = open()) {
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(10)))
                    .isTrue();
            // numbering continues after the highest sequence present
            sink.write(batch(LogComponent.API, "n", 0, 12, T0));
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(10)))
                    .isTrue();
        }
        assertThat(Files.getLastModifiedTime(gz).toMillis()).isEqualTo(modified);
        assertThat(ArchiveNames.parse(
                                TestFiles.archives(dir).get(1).getFileName().toString())
                        .orElseThrow()
                        .sequence())
                .isEqualTo(4);
    }

    @Test
    void aPartialLastLineIsCutOffSoTheNextLineStartsClean() throws IOException {
        Path dir = api();
        Path current = dir.resolve("current.log");
        Files.writeString(current, line("complete") + "{\"timestamp\":\"2023-11-14T22:13:20.000Z\",\"lev");
        try (RotatingFileSink sink = open()) {
            sink.write(batch(LogComponent.API, "next", 0, 1, T0));
            sink.flush();
        }
        assertThat(messages(dir)).containsExactly("complete", "next0");
        assertThat(reporter.warnings()).anyMatch(w -> w.contains("partial last line of"));
    }

    @Test
    void aFileWithoutAnyCompleteLineIsEmptied() throws IOException {
        Path current = api().resolve("current.log");
        Files.writeString(current, "{\"timestamp\":\"2023-11-");
        try (RotatingFileSink sink = open()) {
            assertThat(current).isEmptyFile();
            assertThat(sink.archives(LogComponent.API)).isEmpty();
        }
    }

    @Test
    void theNewestRecordTimeOfARecoveredFileComesFromItsLastLineOrItsModificationTime() throws IOException {
        Path current = api().resolve("current.log");
        Files.writeString(current, line("x").replace("22:13:20.000Z", "22:13:25.500Z"));
        assertThat(StartupRecovery.recoverCurrent(current, reporter)).isEqualTo(T0 + 5_500);
        Files.writeString(current, "{\"no\":\"time\"}\n");
        Files.setLastModifiedTime(current, java.nio.file.attribute.FileTime.fromMillis(T0 - 1000));
        assertThat(StartupRecovery.recoverCurrent(current, reporter)).isEqualTo(T0 - 1000);
        Files.writeString(current, "");
        assertThat(StartupRecovery.recoverCurrent(current, reporter)).isEqualTo(Long.MIN_VALUE);
        assertThat(StartupRecovery.recoverCurrent(current.resolveSibling("absent.log"), reporter))
                .isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void everyCaseAtOnceLeavesOnlyWholeArchivesAndEveryLineOnce() throws IOException {
        Path dir = api();
        List<String> want = new ArrayList<>();
        for (int seq = 1; seq <= 4; seq++) {
            String content = line("s" + seq);
            want.add("s" + seq);
            Path rotated = dir.resolve(ArchiveNames.rotated(LogComponent.API, seq, T0 + seq));
            switch (seq) {
                case 1 -> gzip(dir.resolve(rotated.getFileName() + ".gz"), content, true);
                case 2 -> {
                    Files.writeString(rotated, content);
                    gzip(dir.resolve(rotated.getFileName() + ".gz.tmp"), content, false);
                }
                case 3 -> {
                    Files.writeString(rotated, content);
                    gzip(dir.resolve(rotated.getFileName() + ".gz"), content, true);
                }
                default -> Files.writeString(rotated, content);
            }
        }
        Files.writeString(dir.resolve("current.log"), line("cur") + "{\"x", StandardOpenOption.CREATE);
        want.add("cur");
        try (RotatingFileSink sink = open()) {
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(10)))
                    .isTrue();
        }
        assertThat(TestFiles.names(dir))
                .containsExactlyInAnyOrder(
                        ".lock",
                        "current.log",
                        ArchiveNames.compressed(LogComponent.API, 1, T0 + 1),
                        ArchiveNames.compressed(LogComponent.API, 2, T0 + 2),
                        ArchiveNames.compressed(LogComponent.API, 3, T0 + 3),
                        ArchiveNames.compressed(LogComponent.API, 4, T0 + 4));
        TestFiles.archives(dir).forEach(TestFiles::assertValidGzip);
        assertThat(messages(dir)).containsExactlyElementsOf(want);
    }
}
