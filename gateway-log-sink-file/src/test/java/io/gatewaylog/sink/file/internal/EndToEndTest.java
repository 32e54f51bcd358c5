package io.gatewaylog.sink.file.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.core.GatewayLogBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two threads log 2,000,000 records through the real backend; every one is read back once, in order. */
class EndToEndTest {
    private static final int THREADS = 2;
    private static final int PER_THREAD = 1_000_000;

    @TempDir
    Path root;

    @Test
    void everyRecordIsWrittenExactlyOnceInOrderAcrossRotationsAndArchives() throws Exception {
        GatewayLogBackend backend = GatewayLogBackend.builder()
                .setting("dir", root.toString())
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("component.api.rotation.size", "1MB")
                .setting("component.api.backups", "100000")
                .setting("component.api.buffer.size", "4096")
                .setting("component.api.buffer.max", "65536")
                .setting("sink.file.compression-level", "1")
                .build();
        RotatingFileSink sink = backend.sinks().stream()
                .filter(RotatingFileSink.class::isInstance)
                .map(RotatingFileSink.class::cast)
                .findFirst()
                .orElseThrow();
        GatewayLogger log = backend.logger(LogComponent.API, "e2e");

        long start = System.nanoTime();
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            String prefix = "w" + t + " ";
            threads[t] = new Thread(
                    () -> {
                        for (int i = 0; i < PER_THREAD; i++) {
                            log.info(prefix + i);
                        }
                    },
                    "e2e-writer-" + t);
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(backend.flush(Duration.ofSeconds(120))).isTrue();
        long nanos = System.nanoTime() - start;
        double perSecond = THREADS * (double) PER_THREAD / (nanos / 1e9);
        long bytes = sink.measurements().stream()
                .filter(m -> m.name().equals("gateway.log.file.bytes.written")
                        && m.tags().get("component").equals("api"))
                .mapToLong(m -> (long) m.value())
                .sum();
        System.out.printf(
                "file sink end-to-end: %,d records in %.2f s = %,.0f records/s (%.1f MB/s, %d rotations)%n",
                THREADS * PER_THREAD,
                nanos / 1e9,
                perSecond,
                bytes / (nanos / 1e9) / (1 << 20),
                sink.measurements().stream()
                        .filter(m -> m.name().equals("gateway.log.file.rotations")
                                && m.tags().get("component").equals("api"))
                        .mapToLong(m -> (long) m.value())
                        .sum());
        assertThat(backend.shutdown(Duration.ofSeconds(60))).isTrue();
        assertThat(backend.statistics().component(LogComponent.API).droppedTotal())
                .isZero();

        Path dir = root.resolve("api");
        List<Path> archives = TestFiles.archives(dir);
        assertThat(archives).hasSizeGreaterThan(100);
        assertThat(archives)
                .allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".gz"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .allMatch(n -> n.equals("current.log")
                            || n.equals(".lock")
                            || ArchiveNames.parse(n).isPresent());
        }
        int[] next = new int[THREADS];
        long[] lines = new long[1];
        TestFiles.forEachLine(dir, line -> {
            int m = line.indexOf("\"message\":\"w") + 12;
            int space = line.indexOf(' ', m);
            int thread = Integer.parseInt(line, m, space, 10);
            int seq = Integer.parseInt(line, space + 1, line.indexOf('"', space), 10);
            if (seq != next[thread]) {
                throw new AssertionError("thread " + thread + ": expected " + next[thread] + " but read " + seq
                        + " (line " + lines[0] + ")");
            }
            next[thread]++;
            lines[0]++;
        });
        assertThat(next).containsOnly(PER_THREAD);
        assertThat(lines[0]).isEqualTo((long) THREADS * PER_THREAD);
        for (Path a : archives) {
            assertThat(Files.size(a)).isPositive();
        }
    }
}
