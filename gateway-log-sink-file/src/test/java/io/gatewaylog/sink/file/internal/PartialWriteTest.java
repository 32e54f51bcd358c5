package io.gatewaylog.sink.file.internal;

import static io.gatewaylog.sink.file.internal.TestFiles.messages;
import static io.gatewaylog.sink.file.internal.TestFiles.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.sink.file.audit.AuditVerifier;
import io.gatewaylog.testkit.RecordingReporter;
import io.gatewaylog.testkit.internal.Prerequisites;
import io.gatewaylog.testkit.internal.TmpfsSuite;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink contract on the file side, with real faults: a real tmpfs that fills up in the middle of a
 * batch (the write is cut short), and an {@link Error} thrown by the encoder in the middle of a batch.
 * {@code write} returns the records whose whole lines are in the file, the torn rest is cut off, the
 * audit chain keeps only the seals of what was written, and the retry of the rest completes the file.
 */
@TmpfsSuite
class PartialWriteTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final String PAD = "x".repeat(900);

    @TempDir
    Path tmp;

    final RecordingReporter reporter = new RecordingReporter();

    private static List<LogRecord> big(LogComponent c, int from, int count) {
        List<LogRecord> batch = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            batch.add(LogRecord.builder()
                    .epochMillis(T0)
                    .level(Level.INFO)
                    .component(c)
                    .logger("test")
                    .message("m" + i)
                    .fields(java.util.Map.of("pad", PAD))
                    .thread("t", 1)
                    .build());
        }
        return batch;
    }

    private static List<String> expected(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "m" + i).toList();
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    /** Fills the file system of {@code dir} so that exactly {@code free} bytes (whole pages) are left. */
    private static Path fillLeaving(Path dir, int free) throws IOException {
        Path spare = dir.resolve("spare");
        Files.write(spare, new byte[free]);
        Path filler = dir.resolve("filler");
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] page = new byte[4096];
            while (true) {
                out.write(page);
            }
        } catch (IOException full) {
            // the file system is full now
        }
        Files.delete(spare);
        return filler;
    }

    @Test
    void aDiskFillingUpMidBatchKeepsTheWholeLinesReturnsTheirCountAndTheRetryCompletesTheFile() throws Exception {
        Prerequisites.require(isRoot(), "partial-write test skipped: mounting a tmpfs needs root");
        Path mnt = Files.createDirectory(tmp.resolve("mnt"));
        Prerequisites.require(
                run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt.toString()) == 0,
                "partial-write test skipped: could not mount a tmpfs (no CAP_SYS_ADMIN in this container?)");
        try {
            Path logs = mnt.resolve("logs");
            TestContext ctx = TestContext.of(settings(logs, "component.api.sink.file.durability", "flush"), reporter);
            try (RotatingFileSink sink =
                    RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter)) {
                // Auth first, so its chain head exists before the disk fills up.
                assertThat(sink.write(big(LogComponent.AUTH, 0, 1))).isEqualTo(1);
                Path filler = fillLeaving(mnt, 3 * 4096);

                List<LogRecord> api = big(LogComponent.API, 0, 20); // ~20 KB, 12 KB free
                int taken = sink.write(api);
                assertThat(taken).isBetween(1, 19);
                byte[] file = Files.readAllBytes(logs.resolve("api/current.log"));
                assertThat(file[file.length - 1]).as("no torn line").isEqualTo((byte) '\n');
                assertThat(messages(logs.resolve("api"))).containsExactlyElementsOf(expected(0, taken));

                // Nothing fits any more: none taken, so the failure is thrown; the file is unchanged.
                List<LogRecord> rest = api.subList(taken, api.size());
                assertThatThrownBy(() -> sink.write(rest))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("No space left on device");
                assertThat(Files.readAllBytes(logs.resolve("api/current.log"))).isEqualTo(file);

                // Auth (fsync, sealed) on the full disk: at most what fits in its file's last page is taken,
                // and the chain holds exactly the seals of the lines in the file.
                List<LogRecord> auth = big(LogComponent.AUTH, 1, 5);
                int authTaken;
                try {
                    authTaken = sink.write(auth);
                } catch (IOException none) {
                    authTaken = 0;
                }
                assertThat(authTaken).isLessThan(5);
                AuditVerifier.Result mid = AuditVerifier.verify(logs.resolve("auth"), null);
                assertThat(mid.intact()).as("%s", mid).isTrue();
                assertThat(mid.lastSeq()).isEqualTo(1 + authTaken);

                Files.delete(filler);
                assertThat(sink.write(rest)).isEqualTo(rest.size());
                assertThat(sink.write(auth.subList(authTaken, 5))).isEqualTo(5 - authTaken);
            }
            assertThat(messages(logs.resolve("api"))).containsExactlyElementsOf(expected(0, 20));
            assertThat(messages(logs.resolve("auth"))).containsExactlyElementsOf(expected(0, 6));
            AuditVerifier.Result r = AuditVerifier.verify(logs.resolve("auth"), null);
            assertThat(r.intact()).as("%s", r).isTrue();
            assertThat(r.lastSeq()).isEqualTo(6);
            assertThat(r.headSeq()).isEqualTo(6);
        } finally {
            if (run("umount", mnt.toString()) != 0) {
                run("umount", "-l", mnt.toString());
            }
        }
    }

    @Test
    void aSealedBatchCutShortByAFullDiskKeepsExactlyTheSealsOfTheLinesWritten() throws Exception {
        Prerequisites.require(isRoot(), "partial-write test skipped: mounting a tmpfs needs root");
        Path mnt = Files.createDirectory(tmp.resolve("mnt"));
        Prerequisites.require(
                run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt.toString()) == 0,
                "partial-write test skipped: could not mount a tmpfs");
        try {
            Path logs = mnt.resolve("logs");
            TestContext ctx = TestContext.of(settings(logs), reporter);
            try (RotatingFileSink sink =
                    RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter)) {
                assertThat(sink.write(big(LogComponent.AUTH, 0, 1))).isEqualTo(1);
                Path filler = fillLeaving(mnt, 3 * 4096);
                List<LogRecord> batch = big(LogComponent.AUTH, 1, 20);
                int taken = sink.write(batch);
                assertThat(taken).isBetween(1, 19);
                AuditVerifier.Result mid = AuditVerifier.verify(logs.resolve("auth"), null);
                assertThat(mid.intact()).as("%s", mid).isTrue();
                assertThat(mid.lastSeq()).isEqualTo(1 + taken);
                Files.delete(filler);
                assertThat(sink.write(batch.subList(taken, batch.size()))).isEqualTo(20 - taken);
            }
            AuditVerifier.Result r = AuditVerifier.verify(logs.resolve("auth"), null);
            assertThat(r.intact()).as("%s", r).isTrue();
            assertThat(r.lastSeq()).isEqualTo(21);
            assertThat(messages(logs.resolve("auth"))).containsExactlyElementsOf(expected(0, 21));
        } finally {
            if (run("umount", mnt.toString()) != 0) {
                run("umount", "-l", mnt.toString());
            }
        }
    }

    @Test
    void anErrorFromTheEncoderMidBatchLeavesNoTornLineAndNoSealForWhatWasNotWritten() throws IOException {
        ThrowingOn encoder =
                new ThrowingOn(TestContext.of(java.util.Map.of(), reporter).encoder());
        Path logs = tmp.resolve("logs");
        TestContext ctx = TestContext.of(settings(logs, "rotation.size", "4KB"), reporter);
        try (RotatingFileSink sink = RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), encoder, reporter)) {
            List<LogRecord> batch = big(LogComponent.AUTH, 0, 10); // rotates on the way: ~1 KB lines, 4 KB files
            encoder.failOn = "m7";
            assertThat(sink.write(batch)).isEqualTo(7);
            // The retry starts with the failing record: nothing taken, so the Error itself comes back.
            List<LogRecord> rest = batch.subList(7, 10);
            assertThatThrownBy(() -> sink.write(rest)).isInstanceOf(StackOverflowError.class);
            assertThat(AuditVerifier.verify(logs.resolve("auth"), null).lastSeq())
                    .isEqualTo(7);
            encoder.failOn = null;
            assertThat(sink.write(rest)).isEqualTo(3);

            // Buffered mode: the lines before the failing record stay buffered (taken), the torn one goes.
            List<LogRecord> api = big(LogComponent.API, 0, 3);
            encoder.failOn = "m2";
            assertThat(sink.write(api)).isEqualTo(2);
            encoder.failOn = null;
            assertThat(sink.write(api.subList(2, 3))).isEqualTo(1);
            sink.flush();
        }
        assertThat(messages(logs.resolve("api"))).containsExactlyElementsOf(expected(0, 3));
        assertThat(messages(logs.resolve("auth"))).containsExactlyElementsOf(expected(0, 10));
        AuditVerifier.Result r = AuditVerifier.verify(logs.resolve("auth"), null);
        assertThat(r.intact()).as("%s", r).isTrue();
        assertThat(r.lastSeq()).isEqualTo(10);
        assertThat(r.headSeq()).isEqualTo(10);
    }

    /** Writes half a line and then throws an Error, as a runaway toString() on the writer thread would. */
    private static final class ThrowingOn implements RecordEncoder {
        private final RecordEncoder delegate;
        volatile String failOn;

        ThrowingOn(RecordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public void encode(LogRecord record, OutputStream out) throws IOException {
            if (record.message().equals(failOn)) {
                out.write("{\"timestamp\":\"2023-11-14T22:13:20.000Z\",\"message\":\"half a li".getBytes());
                throw new StackOverflowError("simulated");
            }
            delegate.encode(record, out);
        }

        @Override
        public byte[] encode(LogRecord record) {
            return delegate.encode(record);
        }
    }

    private static boolean isRoot() {
        try {
            return DirectoryGuard.myUid() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
