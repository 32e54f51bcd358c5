package io.gatewaylog.benchmarks;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.core.GatewayLogBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * What a log call costs the caller alone (time and allocation), with a sink that discards: the record is
 * built, its values fixed and sanitized on the caller's thread, then queued. Four shapes of fields: the
 * {@code Fields.of} idiom, the same four fields in a {@code Map.of} (README's first example), a mutable
 * {@code LinkedHashMap} with a nested {@code Map.of} and {@code List.of} (what most callers write), and
 * the same with mutable nested containers. {@code run-benchmarks.sh} runs fieldsOf and mapOf with
 * {@code -prof gc} for the bytes per call.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallerSideBenchmark {
    private static final String MESSAGE = "Processing request";

    @Param({"true", "false"})
    public boolean sanitize;

    private GatewayLogBackend backend;
    private GatewayLogger log;
    private Map<String, Object> mapFields;
    private Map<String, Object> mutableNested;

    @Setup(Level.Trial)
    public void start() {
        backend = GatewayLogBackend.builder()
                .discoverSinks(false)
                .bindGlobalContext(false)
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("retention.enabled", "false")
                .setting("level", "INFO")
                .setting("buffer.size", "5000")
                .setting("buffer.max", "262144")
                .setting("sanitize.enabled", String.valueOf(sanitize))
                .sink(new Discard())
                .build();
        log = backend.logger(LogComponent.API, "bench");
        mapFields = SanitizerBenchSamples.cleanFields();
        mutableNested = SanitizerBenchSamples.cleanFields();
        mutableNested.put(
                "headers",
                new java.util.HashMap<>(Map.of("content-type", "application/json", "x-request-id", "7f3b2c1d-5e6f")));
        mutableNested.put("recipients", new java.util.ArrayList<>(List.of("node-1", "node-2")));
    }

    @TearDown(Level.Trial)
    public void stop() {
        backend.shutdown(Duration.ofMinutes(1));
    }

    @Benchmark
    public void fieldsOf() {
        log.info(
                MESSAGE,
                Fields.of(
                        "customer_id",
                        "customer_123",
                        "request_id",
                        "123",
                        "endpoint",
                        "/api/v1/messages",
                        "batch_size",
                        50));
    }

    /** README's first usage example, with fieldsOf's four fields: a fresh Map.of per call, as callers write it. */
    @Benchmark
    public void mapOf() {
        log.info(
                MESSAGE,
                Map.of(
                        "customer_id",
                        "customer_123",
                        "request_id",
                        "123",
                        "endpoint",
                        "/api/v1/messages",
                        "batch_size",
                        50));
    }

    @Benchmark
    public void mapWithImmutableNested() {
        log.info(MESSAGE, mapFields);
    }

    @Benchmark
    public void mapWithMutableNested() {
        log.info(MESSAGE, mutableNested);
    }

    private static final class Discard implements LogSink {
        @Override
        public String name() {
            return "discard";
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
}
