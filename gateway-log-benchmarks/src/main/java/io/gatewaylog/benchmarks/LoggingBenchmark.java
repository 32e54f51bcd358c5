package io.gatewaylog.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The caller's side: how fast and with what latency and allocation each framework takes the same
 * record, while its background thread writes the JSON line into a rolling gzip file (the hand-written
 * ceiling writes on the caller's thread, under one lock, and rolls without gzip). Run with
 * {@code -t 1} and {@code -t 2}, {@code -bm thrpt} and {@code -bm sample}, and {@code -prof gc}
 * (see {@code run-benchmarks.sh}). A fresh directory per fork.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@OutputTimeUnit(TimeUnit.SECONDS)
@BenchmarkMode(Mode.Throughput)
@org.openjdk.jmh.annotations.OperationsPerInvocation(1)
public class LoggingBenchmark {

    @Param({
        "gatewaylog",
        "gatewaylog-nosanitize",
        "log4j2-async-loggers",
        "log4j2-async-appender",
        "logback-async",
        "handwritten"
    })
    public String contender;

    private Contender target;
    private Path dir;

    @Setup(Level.Trial)
    public void start() throws IOException {
        dir = Files.createTempDirectory("bench-" + contender);
        target = Contender.start(contender, dir, "100MB");
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        target.shutdown();
        ReadBack.deleteRecursively(dir);
    }

    @Benchmark
    public void logOneRecord() {
        target.log("123");
    }
}
