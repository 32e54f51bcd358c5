package io.gatewaylog.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 *
 * <p>The parts: {@link HungCollectorScenario} (one run, in its own JVM), {@link LocalCollector} (the
 * collector), {@link TimedSink} (the syslog sink's share of a call) and {@link HungCollectorReport}.
 */
public final class HungCollectorBenchmark {
    private static final List<String> SCENARIOS =
            List.of("fsync", "file-only", "healthy-tcp", "healthy-tls", "hung-tcp", "hung-tls");

    private HungCollectorBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            HungCollectorScenario.run(args[1], Integer.parseInt(args[2]));
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
                String out = runInOwnJvm(scenario, seconds);
                System.out.print(out);
                out.lines()
                        .filter(l -> l.startsWith("RESULT "))
                        .forEach(l -> results.computeIfAbsent(scenario, k -> new ArrayList<>())
                                .add(l.split(" ")));
            }
        }
        HungCollectorReport.table(results, rounds, seconds);
    }

    /** Runs one scenario in a JVM of its own (same class path, a fixed heap); its standard output. */
    private static String runInOwnJvm(String scenario, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms512m",
                        "-Xmx512m",
                        "-Dbench.dir=" + System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HungCollectorBenchmark.class.getName(),
                        "--child",
                        scenario,
                        String.valueOf(seconds))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
