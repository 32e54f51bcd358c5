package io.gatewaylog.benchmarks;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Measurement;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.api.spi.SinkContext;
import io.gatewaylog.core.GatewayLogBackend;
import io.gatewaylog.core.internal.config.LayeredSettings;
import io.gatewaylog.sink.syslog.SyslogSinkProvider;
import io.gatewaylog.testkit.internal.TestCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * What a syslog collector that stops reading costs an auth call (issue 13): auth calls per second and
 * the worst call, one caller logging auth events as fast as it can through the real backend with the
 * file sink (auth: written and fsync'ed before the call returns) and the syslog sink on the class path,
 * against a collector on 127.0.0.1 that reads (healthy) or that accepts the connection — completing the
 * TLS handshake — and then never reads a byte (hung: the kernel's buffers fill, the sink's writes block
 * until its watchdog cuts them after {@code write.timeout}, it reconnects, the buffers fill again ...).
 * Every other setting is at its default. Two baselines: the file sink alone, and the disk's own
 * fsync (a 300-byte append plus {@code FileChannel.force}, in the same directory).
 *
 * <p>Besides each whole call, the syslog sink's own share of it is timed (its {@code write} plus its
 * {@code flush}, both on the caller's thread); in {@code file-only} the same timing wraps a sink that
 * does nothing, which shows what the machine's scheduling alone adds to so short a span.
 *
 * <p>Each run of a scenario is a JVM of its own (warm-up, then the measured seconds; every call timed);
 * the rounds interleave the scenarios. Prints one {@code RESULT} line per run and a table. Run from the repository root:
 * <pre>
 * mvn -q -B -DskipTests package -pl gateway-log-benchmarks -am
 * mvn -q -B -pl gateway-log-benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp gateway-log-benchmarks/target/classes:$(cat gateway-log-benchmarks/target/classpath.txt) \
 *     io.gatewaylog.benchmarks.HungCollectorBenchmark [seconds per run, default 10] [rounds, default 3] [scenario ...]
 * </pre>
 * Scenarios: {@code fsync file-only healthy-tcp healthy-tls hung-tcp hung-tls}. The log directory is
 * made under {@code -Dbench.dir} (default {@code java.io.tmpdir}): put it on the disk you care about,
 * not on a tmpfs, where fsync costs nothing.
 */
public final class HungCollectorBenchmark {
    private static final List<String> SCENARIOS = List.of("fsync", "file-only", "healthy-tcp", "healthy-tls", "hung-tcp",
            "hung-tls");
    private static final int WARMUP_SECONDS = 2;

    private HungCollectorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(args[1], Integer.parseInt(args[2]));
            return;
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> scenarios = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : SCENARIOS;
        // Rounds interleave the scenarios, so that a disk or a neighbour busy for a while weighs on all alike.
        Map<String, List<String[]>> results = new LinkedHashMap<>();
        scenarios.forEach(sc -> results.put(sc, new ArrayList<>()));
        // Each round starts one scenario later, so that none always runs right after the same neighbour.
        for (int round = 0; round < rounds; round++) {
            for (int at = 0; at < scenarios.size(); at++) {
                String scenario = scenarios.get((at + round) % scenarios.size());
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms512m", "-Xmx512m", "-Dbench.dir=" + System.getProperty("bench.dir",
                        System.getProperty("java.io.tmpdir")), "-cp", System.getProperty("java.class.path"),
                        HungCollectorBenchmark.class.getName(), "--child", scenario, String.valueOf(seconds))
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                System.out.print(out);
                out.lines().filter(l -> l.startsWith("RESULT ")).forEach(l -> results
                        .computeIfAbsent(scenario, k -> new ArrayList<>()).add(l.split(" ")));
            }
        }
        System.out.printf(Locale.ROOT, "%n%d rounds of %d s per scenario; calls/s and p99.9: median of the rounds; "
                + "max: the worst call of all rounds%n", rounds, seconds);
        System.out.printf(Locale.ROOT, "%-12s %9s %8s %9s %9s %8s %7s %9s %9s %13s %14s%n", "scenario", "calls/s",
                "p50 ms", "p99.9 ms", "max ms", ">100ms", "stalls", "sent", "not sent", "syslog max us", "syslog mean us");
        for (Map.Entry<String, List<String[]>> e : results.entrySet()) {
            List<String[]> r = e.getValue();
            System.out.printf(Locale.ROOT, "%-12s %9.0f %8.3f %9.3f %9.3f %8.0f %7.0f %9.0f %9.0f %13.1f %14.2f%n",
                    e.getKey(), median(r, 2), median(r, 3), median(r, 5), max(r, 6), total(r, 7), total(r, 8), total(r, 9),
                    total(r, 10), max(r, 11), median(r, 12));
        }
    }

    private static double median(List<String[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(f -> Double.parseDouble(f[column])).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double max(List<String[]> rows, int column) {
        return rows.stream().mapToDouble(f -> Double.parseDouble(f[column])).max().orElse(0);
    }

    private static double total(List<String[]> rows, int column) {
        return rows.stream().mapToDouble(f -> Double.parseDouble(f[column])).sum();
    }

    private static void child(String scenario, int seconds) throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir")), "hung-collector-");
        try {
            if (scenario.equals("fsync")) {
                report(scenario, fsyncOnly(dir, seconds), null, null);
                return;
            }
            boolean tls = scenario.endsWith("tls");
            // The collector's certificate is the syslog tests' (the testkit's); its PEM is the sink's trust store.
            Collector collector = scenario.equals("file-only") ? null : new Collector(scenario.startsWith("hung"),
                    tls ? TestCertificate.create(dir).serverContext() : null);
            GatewayLogBackend.Builder b = GatewayLogBackend.builder().setting("dir", dir.resolve("logs").toString())
                    .setting("console.enabled", "false").setting("shutdown.hook", "false")
                    .setting("retention.enabled", "false");
            // The discovered syslog sink is replaced by the same sink made by its provider and wrapped, to
            // time its own share of each auth call (write + flush), apart from the disk's.
            b.setting("sink.syslog.enabled", "false").setting("sink.kafka.enabled", "false");
            TimedSink syslog = null;
            if (collector != null) {
                Map<String, String> code = new LinkedHashMap<>();
                code.put("sink.syslog.targets", (tls ? "tls" : "tcp") + ":localhost:" + collector.port());
                if (tls) {
                    code.put("sink.syslog.tls.truststore", dir.resolve("collector.pem").toString());
                }
                syslog = new TimedSink(new SyslogSinkProvider().create(new Context(
                        LayeredSettings.load(code, new Properties(), Map.of()))));
            } else {
                // The same timing around a sink that does nothing: the noise floor of this machine.
                syslog = new TimedSink(new NothingSink());
            }
            b.sink(syslog);
            GatewayLogBackend backend = b.build();
            try {
                GatewayLogger auth = backend.logger(LogComponent.AUTH, "auth.login");
                long[] latencies = run(seconds, i -> auth.info("Login succeeded", Fields.of("actor", "user_" + (i % 1000),
                        "action", "login", "outcome", "success", "source_ip", "10.1.2." + (i % 250), "request_id",
                        "req-" + i, "customer_id", "customer_123")));
                report(scenario, latencies, backend, syslog);
            } finally {
                backend.shutdown(Duration.ofSeconds(30));
                if (collector != null) {
                    collector.close();
                }
            }
        } finally {
            ReadBack.deleteRecursively(dir);
        }
    }

    /** Calls {@code call} as fast as it goes: warm-up, then {@code seconds} measured; every call's nanoseconds. */
    private static long[] run(int seconds, java.util.function.IntConsumer call) {
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
        try (FileChannel ch = FileChannel.open(dir.resolve("fsync.log"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            return run(seconds, i -> {
                try {
                    ch.write(ByteBuffer.wrap(line));
                    ch.force(false);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private static void report(String scenario, long[] measured, GatewayLogBackend backend, TimedSink syslog) {
        int n = measured.length - 1;
        double elapsed = measured[n] / 1e9;
        long[] lat = Arrays.copyOf(measured, n);
        long over100 = Arrays.stream(lat).filter(l -> l > 100_000_000L).count();
        Arrays.sort(lat);
        double stalls = backend == null ? 0 : sum(backend, "gateway.log.syslog.stalls");
        double sent = backend == null ? 0 : sum(backend, "gateway.log.syslog.sent");
        double waiting = backend == null ? 0 : sum(backend, "gateway.log.syslog.buffered") + sum(backend, "gateway.log.syslog.dropped");
        double share = syslog == null ? 0 : syslog.maxNanos / 1e3;
        double mean = syslog == null || syslog.calls == 0 ? 0 : syslog.totalNanos / 1e3 / syslog.calls;
        System.out.printf(Locale.ROOT, "RESULT %s %.0f %.3f %.3f %.3f %.3f %d %.0f %.0f %.0f %.1f %.2f%n", scenario,
                n / elapsed, pct(lat, 0.50), pct(lat, 0.99), pct(lat, 0.999), lat[n - 1] / 1e6, over100, stalls, sent,
                waiting, share, mean);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static double sum(GatewayLogBackend backend, String name) {
        double total = 0;
        for (Measurement m : backend.statistics().measurements()) {
            if (m.name().equals(name)) {
                total += m.value();
            }
        }
        return total;
    }

    /**
     * The syslog sink, timed: the nanoseconds an auth call spends in it ({@code write} then {@code flush},
     * both on the caller's thread under auth's lock), its worst and its total.
     */
    private static final class TimedSink implements LogSink {
        private final LogSink sink;
        private long writeNanos;
        long maxNanos;
        long totalNanos;
        long calls;

        TimedSink(LogSink sink) {
            this.sink = sink;
        }

        @Override
        public String name() {
            return sink.name();
        }

        @Override
        public boolean accepts(LogComponent component) {
            return sink.accepts(component);
        }

        @Override
        public int write(List<io.gatewaylog.api.LogRecord> batch) throws IOException {
            long t0 = System.nanoTime();
            try {
                return sink.write(batch);
            } finally {
                writeNanos += System.nanoTime() - t0;
            }
        }

        /** The core calls the other sinks between our write and our flush: only our own two parts count. */
        @Override
        public void flush() throws IOException {
            long t0 = System.nanoTime();
            sink.flush();
            long t = writeNanos + System.nanoTime() - t0;
            writeNanos = 0;
            maxNanos = Math.max(maxNanos, t);
            totalNanos += t;
            calls++;
        }

        @Override
        public void close() throws IOException {
            sink.close();
        }

        @Override
        public List<Measurement> measurements() {
            return sink.measurements();
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
        public int write(List<io.gatewaylog.api.LogRecord> batch) {
            return batch.size();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
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

    /** A collector on 127.0.0.1: reads and discards everything, or (hung) accepts and never reads. */
    private static final class Collector implements AutoCloseable {
        private final ServerSocket server;
        private final boolean hung;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        Collector(boolean hung, SSLContext tls) throws IOException {
            this.hung = hung;
            this.server = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread t = new Thread(this::accept, "collector");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.add(s);
                    if (s instanceof SSLSocket) {
                        ((SSLSocket) s).startHandshake();
                    }
                    if (!hung) {
                        Thread r = new Thread(() -> drain(s), "collector-reader");
                        r.setDaemon(true);
                        r.start();
                    }
                } catch (IOException e) {
                    // closed, or a client that went away during the handshake
                }
            }
        }

        private static void drain(Socket s) {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = s.getInputStream()) {
                while (in.read(buf) >= 0) {
                    // discard: a healthy collector that keeps up
                }
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
