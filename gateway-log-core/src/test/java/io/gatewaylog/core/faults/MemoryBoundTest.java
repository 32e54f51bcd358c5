package io.gatewaylog.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A burst of 50,000 records with 100 KB stack traces (about 5 GB if all were kept) in a child JVM with a
 * 256 MB heap: with the default {@code buffer.max.bytes} (64MB) it stays within the bound and ends with
 * every record written or counted; with the bound lifted the same burst runs out of memory.
 */
class MemoryBoundTest {

    private static Map<String, String> run(String maxBytes) throws IOException, InterruptedException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                MemoryBurst.class.getName(),
                maxBytes);
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        Map<String, String> figures = new HashMap<>();
        for (String kv : out.split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                figures.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        figures.put("exit", String.valueOf(p.exitValue()));
        System.out.println("MemoryBurst buffer.max.bytes=" + maxBytes + ": " + out);
        return figures;
    }

    @Test
    void aBurstOfLargeRecordsStaysWithinTheByteBound() throws Exception {
        Map<String, String> f = run("64MB");
        assertThat(f).containsEntry("oom", "false").containsEntry("exit", "0");
        long bound = 64L << 20;
        assertThat(Long.parseLong(f.get("bufferedBytes"))).isPositive().isLessThanOrEqualTo(bound);
        // what the estimate counted is what the heap holds, give or take the JVM's own use
        assertThat(Long.parseLong(f.get("heapUsedAfterBurst"))).isLessThan(bound + (48L << 20));
        long buffered = Long.parseLong(f.get("buffered"));
        assertThat(buffered).isLessThan(MemoryBurst.RECORDS / 50);
        assertThat(f).containsEntry("flushed", "true").containsEntry("accepted", String.valueOf(MemoryBurst.RECORDS));
        assertThat(Long.parseLong(f.get("written")) + Long.parseLong(f.get("droppedTotal")))
                .isEqualTo(MemoryBurst.RECORDS);
        assertThat(Long.parseLong(f.get("droppedOverflow"))).isPositive();
    }

    @Test
    void withoutTheByteBoundTheSameBurstRunsOutOfMemory() throws Exception {
        Map<String, String> f = run("1TB");
        // The control: 50,000 x 100 KB do not fit in 256 MB (the JVM dies, or the burst reports its OOM).
        assertThat(f.get("oom")).isNotEqualTo("false");
        assertThat(f.get("exit")).isNotEqualTo("0");
    }
}
