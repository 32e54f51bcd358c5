package io.gatewaylog.benchmarks;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.core.internal.sanitize.Sanitizer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds to sanitize one typical gateway record (message plus fields) with every built-in rule,
 * when it holds nothing to mask and when it holds secrets.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SanitizerBenchmark {
    private final Sanitizer sanitizer = Sanitizer.defaults();
    private final LogRecord clean = SanitizerBenchSamples.cleanRecord();
    private final LogRecord dirty = SanitizerBenchSamples.dirtyRecord();

    @Benchmark
    public LogRecord cleanRecord() {
        return sanitizer.sanitize(clean);
    }

    @Benchmark
    public LogRecord recordWithSecrets() {
        return sanitizer.sanitize(dirty);
    }
}
