package io.gatewaylog.benchmarks;

import io.gatewaylog.core.internal.sanitize.Sanitizer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Microseconds to sanitize one string of 1 KB, 64 KB and 1 MB, clean gateway text against the
 * adversarial shapes of issue 12 (see {@link SanitizerBenchSamples#text}): the linear-time promise is
 * that every shape costs at most ten times the clean text of the same length. Strings this long are
 * never in the clean-text cache, so every call is a full scan.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SanitizerTextBenchmark {
    @Param({"1024", "65536", "1048576"})
    public int length;

    @Param({"clean", "eyJ", "Bearer", "BEGIN", "equals", "digits", "at"})
    public String shape;

    private final Sanitizer sanitizer = Sanitizer.defaults();
    private String text;

    @Setup
    public void setUp() {
        text = SanitizerBenchSamples.text(shape, length);
    }

    @Benchmark
    public String sanitizeText() {
        return sanitizer.sanitizeText(text);
    }
}
