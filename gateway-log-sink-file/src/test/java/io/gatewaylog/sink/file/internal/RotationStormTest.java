package io.gatewaylog.sink.file.internal;

import static io.gatewaylog.sink.file.internal.TestFiles.batch;
import static io.gatewaylog.sink.file.internal.TestFiles.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.testkit.RecordingReporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many rotations in a row: compression queues on its one thread; writers never wait for it. */
class RotationStormTest {
    @TempDir
    Path root;

    private static long compressorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("gateway-log-file-compressor") && t.isAlive())
                .count();
    }

    @Test
    void writersFinishWhileCompressionIsHeldAndTheQueueDrainsAfterwards() throws Exception {
        RecordingReporter reporter = new RecordingReporter();
        CountDownLatch release = new CountDownLatch(1);
        Compressor compressor = new Compressor(reporter, source -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long threadsBefore = compressorThreads();
        TestContext ctx = TestContext.of(
                settings(root, "rotation.size", "1KB", "backups", "100000", "sink.file.durability", "flush"), reporter);
        int records = 1500;
        try (RotatingFileSink sink =
                RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter, compressor)) {
            Thread[] writers = new Thread[2];
            LogComponent[] components = {LogComponent.API, LogComponent.PROTOCOL};
            for (int w = 0; w < 2; w++) {
                LogComponent c = components[w];
                writers[w] = new Thread(() -> {
                    for (int i = 0; i < records; i += 50) {
                        try {
                            sink.write(batch(c, "m", i, 50, 0));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
                writers[w].start();
            }
            for (Thread t : writers) {
                t.join(60_000);
                assertThat(t.isAlive()).as("writer blocked by compression").isFalse();
            }
            // Every rotation is queued behind the held task, none done, and still just one thread.
            long rotations = sink.measurements().stream()
                    .filter(m -> m.name().equals("gateway.log.file.rotations"))
                    .mapToLong(m -> (long) m.value())
                    .sum();
            assertThat(rotations).isGreaterThan(250);
            assertThat(sink.compressor().pending()).isGreaterThanOrEqualTo((int) rotations);
            assertThat(compressorThreads()).isLessThanOrEqualTo(threadsBefore + 1);
            release.countDown();
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(60)))
                    .isTrue();
        }
        List<String> want = IntStream.range(0, records).mapToObj(i -> "m" + i).toList();
        for (String c : List.of("api", "protocol")) {
            List<Path> archives = TestFiles.archives(root.resolve(c));
            assertThat(archives).allSatisfy(p -> assertThat(p.toString()).endsWith(".gz"));
            archives.forEach(TestFiles::assertValidGzip);
            assertThat(TestFiles.messages(root.resolve(c))).containsExactlyElementsOf(want);
        }
        assertThat(reporter.errors()).isEmpty();
    }
}
