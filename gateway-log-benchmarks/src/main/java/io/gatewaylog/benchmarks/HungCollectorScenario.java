package io.gatewaylog.benchmarks;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.api.spi.SinkContext;
import io.gatewaylog.core.GatewayLogBackend;
import io.gatewaylog.core.internal.config.LayeredSettings;
import io.gatewaylog.sink.syslog.SyslogSinkProvider;
import io.gatewaylog.testkit.internal.TestCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntConsumer;

/**
 * One run of one scenario of {@link HungCollectorBenchmark}, in a JVM of its own: sets the scenario up
 * (the backend with the file sink and the timed syslog sink, the local collector), calls as fast as it
 * goes and hands every call's latency to {@link HungCollectorReport}.
 */
final class HungCollectorScenario {
    private static final int WARMUP_SECONDS = 2;

    private HungCollectorScenario() {}

    static void run(String scenario, int seconds) throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir")), "hung-collector-");
        try {
            if (scenario.equals("fsync")) {
                HungCollectorReport.result(scenario, fsyncOnly(dir, seconds), null, null);
                return;
            }
            boolean tls = scenario.endsWith("tls");
            // The collector's certificate is the syslog tests' (the testkit's); its PEM is the sink's trust store.
            LocalCollector collector = scenario.equals("file-only")
                    ? null
                    : new LocalCollector(
                            scenario.startsWith("hung"),
                            tls ? TestCertificate.create(dir).serverContext() : null);
            try {
                throughBackend(scenario, seconds, dir, timedSyslog(collector, tls, dir));
            } finally {
                if (collector != null) {
                    collector.close();
                }
            }
        } finally {
            ReadBack.deleteRecursively(dir);
        }
    }

    /**
     * The syslog sink toward {@code collector}, made by its provider and timed; with no collector
     * ({@code file-only}), the same timing around a sink that does nothing: the noise floor of this machine.
     */
    private static TimedSink timedSyslog(LocalCollector collector, boolean tls, Path dir) {
        if (collector == null) {
            return new TimedSink(new NothingSink());
        }
        Map<String, String> code = new LinkedHashMap<>();
        code.put("sink.syslog.targets", (tls ? "tls" : "tcp") + ":localhost:" + collector.port());
        if (tls) {
            code.put("sink.syslog.tls.truststore", dir.resolve("collector.pem").toString());
        }
        return new TimedSink(
                new SyslogSinkProvider().create(new Context(LayeredSettings.load(code, new Properties(), Map.of()))));
    }

    /** Auth calls through the real backend (file sink plus {@code syslog}), timed, then reported. */
    private static void throughBackend(String scenario, int seconds, Path dir, TimedSink syslog) {
        GatewayLogBackend.Builder b = GatewayLogBackend.builder()
                .setting("dir", dir.resolve("logs").toString())
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("retention.enabled", "false");
        // The discovered syslog sink is replaced by the same sink made by its provider and wrapped, to
        // time its own share of each auth call (write + flush), apart from the disk's.
        b.setting("sink.syslog.enabled", "false").setting("sink.kafka.enabled", "false");
        b.sink(syslog);
        GatewayLogBackend backend = b.build();
        try {
            GatewayLogger auth = backend.logger(LogComponent.AUTH, "auth.login");
            long[] latencies = timeCalls(
                    seconds,
                    i -> auth.info(
                            "Login succeeded",
                            Fields.of(
                                    "actor",
                                    "user_" + (i % 1000),
                                    "action",
                                    "login",
                                    "outcome",
                                    "success",
                                    "source_ip",
                                    "10.1.2." + (i % 250),
                                    "request_id",
                                    "req-" + i,
                                    "customer_id",
                                    "customer_123")));
            HungCollectorReport.result(scenario, latencies, backend, syslog);
        } finally {
            backend.shutdown(Duration.ofSeconds(30));
        }
    }

    /** Calls {@code call} as fast as it goes: warm-up, then {@code seconds} measured; every call's nanoseconds. */
    private static long[] timeCalls(int seconds, IntConsumer call) {
        long warmEnd = System.nanoTime() + Duration.ofSeconds(WARMUP_SECONDS).toNanos();
        int i = 0;
        while (System.nanoTime() - warmEnd < 0) {
            call.accept(i++);
        }
        long[] lat = new long[1 << 16];
        int n = 0;
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        long now = start;
        while (now - end < 0) {
            call.accept(i++);
            long after = System.nanoTime();
            if (n == lat.length) {
                lat = Arrays.copyOf(lat, n * 2);
            }
            lat[n++] = after - now;
            now = after;
        }
        long[] out = Arrays.copyOf(lat, n + 1);
        out[n] = now - start; // the last slot carries the elapsed time
        return out;
    }

    private static long[] fsyncOnly(Path dir, int seconds) throws IOException {
        byte[] line = ("{\"message\":\"" + "x".repeat(280) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(
                dir.resolve("fsync.log"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            return timeCalls(seconds, i -> {
                try {
                    ch.write(ByteBuffer.wrap(line));
                    ch.force(false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Takes auth records and does nothing with them. */
    private static final class NothingSink implements LogSink {
        @Override
        public String name() {
            return "nothing";
        }

        @Override
        public boolean accepts(LogComponent component) {
            return component == LogComponent.AUTH;
        }

        @Override
        public int write(List<LogRecord> batch) {
            return batch.size();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    /** What a sink provider is given: the settings, stderr; the syslog sink uses nothing else. */
    private record Context(Settings settings) implements SinkContext {
        @Override
        public RecordEncoder encoder() {
            throw new UnsupportedOperationException("not used by the syslog sink");
        }

        @Override
        public Reporter reporter() {
            return Reporter.stderr();
        }

        @Override
        public LoggingStatistics statistics() {
            return LoggingStatistics.empty();
        }
    }
}
