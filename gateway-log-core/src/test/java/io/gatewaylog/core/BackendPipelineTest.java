package io.gatewaylog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogContext;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.internal.PrintingReporter;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.api.spi.LogSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackendPipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<GatewayLogBackend> started = new ArrayList<>();
    private final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();

    private GatewayLogBackend start(CollectingSink sink, String... settings) {
        GatewayLogBackend.Builder b = GatewayLogBackend.builder()
                .discoverSinks(false)
                .bindGlobalContext(false)
                .reporter(new PrintingReporter(new PrintStream(diagnostics, true, StandardCharsets.UTF_8)))
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .sink(sink);
        for (int i = 0; i < settings.length; i += 2) {
            b.setting(settings[i], settings[i + 1]);
        }
        GatewayLogBackend backend = b.build();
        sink.encodeWith(new io.gatewaylog.core.internal.json.JsonRecordEncoder("gateway", 32768));
        started.add(backend);
        return backend;
    }

    @AfterEach
    void stop() {
        started.forEach(b -> b.shutdown(Duration.ofSeconds(5)));
    }

    @Test
    void seedExamplesArriveWithAllTheirFields() throws Exception {
        CollectingSink sink = new CollectingSink();
        GatewayLogBackend backend = start(sink);
        GatewayLogger api = backend.logger(LogComponent.API, "endpoint_name");
        try (LogContext.Scope s = LogContext.with("customer_id", "customer_123").open()) {
            api.info(
                    "Processing request",
                    Map.of("request_id", "123", "endpoint", "/api/v1/messages", "customer_id", "customer_123"));
        }
        backend.logger(LogComponent.SYSTEM, "metrics")
                .info(
                        "Message processing rate",
                        Map.of(
                                "metric_name",
                                "message_processing_rate",
                                "metric_value",
                                1000,
                                "metric_unit",
                                "msgs/sec",
                                "customer_id",
                                "customer_123",
                                "message_type",
                                "ogx"));
        backend.logger(LogComponent.AUTH, "authentication")
                .warn(
                        "Authentication failed",
                        Map.of(
                                "customer_id",
                                "customer_123",
                                "reason",
                                "invalid_credentials",
                                "ip_address",
                                "192.0.2.10"));
        assertThat(backend.flush(Duration.ofSeconds(5))).isTrue();

        List<String> lines = sink.lines();
        assertThat(lines).hasSize(3);
        JsonNode apiLine = lines.stream()
                .map(BackendPipelineTest::parse)
                .filter(n -> "api".equals(n.path("component").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(apiLine.get("request_id").asText()).isEqualTo("123");
        assertThat(apiLine.get("endpoint").asText()).isEqualTo("/api/v1/messages");
        assertThat(apiLine.get("customer_id").asText()).isEqualTo("customer_123");
        JsonNode metric = lines.stream()
                .map(BackendPipelineTest::parse)
                .filter(n -> n.has("metric"))
                .findFirst()
                .orElseThrow();
        assertThat(metric.get("component").asText()).isEqualTo("metrics");
        assertThat(metric.at("/metric/name").asText()).isEqualTo("message_processing_rate");
        assertThat(metric.at("/metric/tags/message_type").asText()).isEqualTo("ogx");
        JsonNode auth = lines.stream()
                .map(BackendPipelineTest::parse)
                .filter(n -> "auth".equals(n.path("component").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(auth.get("level").asText()).isEqualTo("WARN");
        assertThat(auth.get("reason").asText()).isEqualTo("invalid_credentials");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    @Test
    void levelsFilterPerComponentAndLogger() {
        CollectingSink sink = new CollectingSink();
        GatewayLogBackend backend = start(sink, "level", "INFO", "component.protocol.level", "DEBUG");
        GatewayLogger api = backend.logger(LogComponent.API, "a");
        GatewayLogger proto = backend.logger(LogComponent.PROTOCOL, "p");
        assertThat(api.isEnabled(Level.DEBUG)).isFalse();
        assertThat(proto.isEnabled(Level.DEBUG)).isTrue();
        api.debug("dropped by level");
        proto.debug("kept");
        api.setLevel(Level.TRACE);
        api.trace("kept too");
        backend.flush(Duration.ofSeconds(5));
        assertThat(sink.records()).extracting(LogRecord::message).containsExactlyInAnyOrder("kept", "kept too");
        assertThat(backend.statistics().component(LogComponent.API).accepted()).isEqualTo(1);
    }

    @Test
    void acceptedRecordsAreCountedByLevelOnTheAsyncAndTheSyncPipeline() {
        CollectingSink sink = new CollectingSink();
        GatewayLogBackend backend = start(sink, "level", "TRACE");
        for (LogComponent c : new LogComponent[] {LogComponent.API, LogComponent.AUTH}) {
            GatewayLogger log = backend.logger(c, "levels");
            log.trace("t");
            log.debug("d");
            log.info("i");
            log.info("i2");
            log.warn("w");
            log.error("e1");
            log.error("e2", Map.of(), new IllegalStateException("boom"));
            log.error("e3");
        }
        backend.flush(Duration.ofSeconds(5));
        for (LogComponent c : new LogComponent[] {LogComponent.API, LogComponent.AUTH}) {
            var s = backend.statistics().component(c);
            assertThat(s.accepted(Level.TRACE)).as(c + " TRACE").isEqualTo(1);
            assertThat(s.accepted(Level.DEBUG)).as(c + " DEBUG").isEqualTo(1);
            assertThat(s.accepted(Level.INFO)).as(c + " INFO").isEqualTo(2);
            assertThat(s.accepted(Level.WARN)).as(c + " WARN").isEqualTo(1);
            assertThat(s.accepted(Level.ERROR)).as(c + " ERROR").isEqualTo(3);
            assertThat(s.accepted()).as(c + " total").isEqualTo(8);
        }
        assertThat(backend.statistics().measurements())
                .filteredOn(m -> m.name().equals("gateway.log.records")
                        && m.tags().equals(Map.of("component", "auth", "level", "ERROR")))
                .singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualTo(3.0));
    }

    @Test
    void fluentBuilderAndContextScopes() {
        CollectingSink sink = new CollectingSink();
        GatewayLogBackend backend = start(sink);
        GatewayLogger log = backend.logger(LogComponent.INFRA, "db");
        try (LogContext.Scope outer = LogContext.with("customer_id", "c1").open()) {
            try (LogContext.Scope inner = LogContext.with("request_id", "r1").open()) {
                log.atWarn()
                        .field("pool", "main")
                        .field("active", 9)
                        .cause(new IOException("x"))
                        .log("pool busy");
            }
            log.info("after inner");
        }
        log.info("outside");
        backend.flush(Duration.ofSeconds(5));
        List<LogRecord> r = sink.records();
        assertThat(r.get(0).context()).containsEntry("customer_id", "c1").containsEntry("request_id", "r1");
        assertThat(r.get(0).fields()).containsEntry("pool", "main").containsEntry("active", 9);
        assertThat(r.get(0).error().type()).isEqualTo("java.io.IOException");
        assertThat(r.get(1).context()).containsOnlyKeys("customer_id");
        assertThat(r.get(2).context()).isEmpty();
        assertThat(log.atTrace()).isSameAs(log.atTrace()).as("disabled levels share one no-op builder");
    }

    @Test
    void callersMapIsSnapshotted() {
        CollectingSink sink = new CollectingSink();
        GatewayLogBackend backend = start(sink);
        Map<String, Object> fields = new HashMap<>();
        fields.put("n", 1);
        backend.logger(LogComponent.API, "a").info("m", fields);
        fields.put("n", 2);
        backend.flush(Duration.ofSeconds(5));
        assertThat(sink.records().get(0).fields()).containsEntry("n", 1);
    }

    @Test
    void blockingPolicyLosesNothingUnderConcurrency() throws Exception {
        CollectingSink sink = new CollectingSink(Set.of(LogComponent.PROTOCOL));
        GatewayLogBackend backend =
                start(sink, "component.protocol.buffer.size", "64", "component.protocol.buffer.max", "128");
        GatewayLogger log = backend.logger(LogComponent.PROTOCOL, "p");
        int threads = 4;
        int perThread = 20_000;
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    log.info("m", Map.of("t", id, "i", i));
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        assertThat(backend.flush(Duration.ofSeconds(20))).isTrue();
        List<LogRecord> got = sink.records();
        assertThat(got).hasSize(threads * perThread);
        int[] next = new int[threads];
        for (LogRecord r : got) {
            int t = (Integer) r.fields().get("t");
            assertThat(r.fields().get("i")).as("order per thread").isEqualTo(next[t]++);
        }
        ComponentStatistics s = backend.statistics().component(LogComponent.PROTOCOL);
        assertThat(s.accepted()).isEqualTo(threads * perThread);
        assertThat(s.written()).isEqualTo(threads * perThread);
        assertThat(s.droppedTotal()).isZero();
        assertThat(sink.batches.get()).as("records were batched").isLessThan(threads * perThread);
    }

    /** A sink that holds the writer until released, to fill the buffer deterministically. */
    private static final class GateSink extends CollectingSink {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);

        GateSink() {
            super(Set.of(LogComponent.API));
        }

        @Override
        public int write(List<LogRecord> batch) throws IOException {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.write(batch);
        }
    }

    @Test
    void dropNewestCountsAndReportsDropsInARecordOfItsOwn() throws Exception {
        GateSink sink = new GateSink();
        GatewayLogBackend backend = start(
                sink,
                "component.api.buffer.size",
                "1",
                "component.api.buffer.max",
                "10",
                "component.api.overflow",
                "drop-newest");
        GatewayLogger log = backend.logger(LogComponent.API, "a");
        log.info("first");
        sink.entered.await();
        for (int i = 0; i < 30; i++) {
            log.info("m" + i);
        }
        sink.release.countDown();
        backend.flush(Duration.ofSeconds(5));
        ComponentStatistics s = backend.statistics().component(LogComponent.API);
        assertThat(s.dropped()).containsEntry("overflow", 20L);
        assertThat(s.accepted()).isEqualTo(31);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(sink.records()).anySatisfy(r -> {
                    assertThat(r.logger()).isEqualTo("gateway-log");
                    assertThat(r.fields()).containsEntry("dropped", 20L);
                }));
        assertThat(sink.records().stream().filter(r -> r.message().startsWith("m")))
                .hasSize(10);
        assertThat(diagnostics.toString(StandardCharsets.UTF_8)).contains("20 records of component api were dropped");
    }

    @Test
    void dropOldestKeepsTheNewest() throws Exception {
        GateSink sink = new GateSink();
        GatewayLogBackend backend = start(
                sink,
                "component.api.buffer.size",
                "1",
                "component.api.buffer.max",
                "5",
                "component.api.overflow",
                "drop-oldest");
        GatewayLogger log = backend.logger(LogComponent.API, "a");
        log.info("first");
        sink.entered.await();
        for (int i = 0; i < 20; i++) {
            log.info("m" + i);
        }
        sink.release.countDown();
        backend.flush(Duration.ofSeconds(5));
        assertThat(sink.records().stream().map(LogRecord::message).filter(m -> m.startsWith("m")))
                .containsExactly("m15", "m16", "m17", "m18", "m19");
        assertThat(backend.statistics().component(LogComponent.API).dropped()).containsEntry("overflow", 15L);
    }

    @Test
    void authIsWrittenAndFlushedBeforeTheCallReturns() {
        CollectingSink sink = new CollectingSink(Set.of(LogComponent.AUTH));
        GatewayLogBackend backend = start(sink);
        GatewayLogger auth = backend.logger(LogComponent.AUTH, "login");
        for (int i = 0; i < 5; i++) {
            auth.info("login " + i);
            assertThat(sink.records()).hasSize(i + 1);
            assertThat(sink.flushes.get()).isGreaterThanOrEqualTo(i + 1);
        }
    }

    @Test
    void aFailingSinkNeverStopsTheOthersAndIsRetried() {
        CollectingSink bad = new CollectingSink(Set.of(LogComponent.API));
        CollectingSink good = new CollectingSink(Set.of(LogComponent.API));
        bad.failing = true;
        GatewayLogBackend backend = start(bad, "component.api.flush.interval", "50ms");
        // a second sink through the builder is not possible after start: build a fresh backend with both
        backend.shutdown(Duration.ofSeconds(1));
        GatewayLogBackend both = GatewayLogBackend.builder()
                .discoverSinks(false)
                .bindGlobalContext(false)
                .reporter(new PrintingReporter(new PrintStream(diagnostics, true, StandardCharsets.UTF_8)))
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("component.api.flush.interval", "50ms")
                .sink(bad)
                .sink(good)
                .build();
        started.add(both);
        GatewayLogger log = both.logger(LogComponent.API, "a");
        for (int i = 0; i < 10; i++) {
            log.info("r" + i);
        }
        both.flush(Duration.ofSeconds(5));
        assertThat(good.records()).hasSize(10);
        assertThat(bad.records()).isEmpty();
        assertThat(both.statistics().component(LogComponent.API).sinkErrors()).isPositive();
        bad.failing = false;
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(bad.records()).hasSize(10));
        assertThat(bad.records())
                .extracting(LogRecord::message)
                .containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9");
        String diag = diagnostics.toString(StandardCharsets.UTF_8);
        assertThat(diag)
                .contains("sink 'collecting' (component api): write failed")
                .contains("recovered");
        assertThat(diag.split("write failed", -1).length - 1)
                .as("reported once per episode")
                .isEqualTo(1);
    }

    @Test
    void aSinkThatThrowsErrorsDoesNotKillTheWriter() {
        AtomicBoolean explode = new AtomicBoolean(true);
        CollectingSink good = new CollectingSink(Set.of(LogComponent.SYSTEM));
        LogSink evil = new LogSink() {
            @Override
            public String name() {
                return "evil";
            }

            @Override
            public int write(List<LogRecord> batch) {
                if (explode.getAndSet(false)) {
                    throw new LinkageError("simulated");
                }
                return batch.size();
            }

            @Override
            public void flush() {
                throw new IllegalStateException("flush boom");
            }

            @Override
            public void close() {}
        };
        GatewayLogBackend backend = GatewayLogBackend.builder()
                .discoverSinks(false)
                .bindGlobalContext(false)
                .reporter(new PrintingReporter(new PrintStream(diagnostics, true, StandardCharsets.UTF_8)))
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .sink(evil)
                .sink(good)
                .build();
        started.add(backend);
        GatewayLogger log = backend.logger(LogComponent.SYSTEM, "s");
        log.info("one");
        backend.flush(Duration.ofSeconds(5));
        log.info("two");
        backend.flush(Duration.ofSeconds(5));
        assertThat(good.records()).extracting(LogRecord::message).containsExactly("one", "two");
    }

    @Test
    void shutdownDrainsEverythingAndLaterRecordsAreCounted() {
        CollectingSink sink = new CollectingSink(Set.of(LogComponent.API));
        GatewayLogBackend backend = start(sink, "component.api.flush.interval", "1h");
        GatewayLogger log = backend.logger(LogComponent.API, "a");
        for (int i = 0; i < 1000; i++) {
            log.info("r" + i);
        }
        assertThat(backend.shutdown(Duration.ofSeconds(10))).isTrue();
        assertThat(sink.records()).hasSize(1000);
        assertThat(sink.closed).isTrue();
        log.info("late");
        assertThat(backend.statistics().component(LogComponent.API).dropped()).containsEntry("shutdown", 1L);
        assertThat(diagnostics.toString(StandardCharsets.UTF_8)).contains("logged after shutdown");
    }

    @Test
    void flushIntervalFlushesWithoutTraffic() {
        CollectingSink sink = new CollectingSink(Set.of(LogComponent.API));
        GatewayLogBackend backend = start(sink, "component.api.flush.interval", "100ms");
        backend.logger(LogComponent.API, "a").info("one");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> sink.flushes.get() > 0 && sink.records().size() == 1);
    }

    @Test
    void statisticsArePublishedAsMeasurements() {
        CollectingSink sink = new CollectingSink();
        GatewayLogBackend backend = start(sink);
        backend.logger(LogComponent.API, "a").info("x");
        backend.flush(Duration.ofSeconds(5));
        List<String> names = backend.statistics().measurements().stream()
                .map(m -> m.name() + m.tags())
                .toList();
        assertThat(names)
                .contains("gateway.log.records.accepted{component=api}", "gateway.log.buffer.capacity{component=api}");
        assertThat(backend.statistics().measurements()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("gateway.log.records.written");
            assertThat(m.tags()).containsEntry("component", "api");
            assertThat(m.value()).isEqualTo(1.0);
        });
        List<Integer> flushed = new ArrayList<>();
        backend.statistics().addFlushListener((c, n, nanos) -> flushed.add(n));
        backend.logger(LogComponent.API, "a").info("y");
        backend.flush(Duration.ofSeconds(5));
        assertThat(flushed).isNotEmpty();
    }

    @Test
    void metricRecordsGoToTheMetricsComponent() {
        CollectingSink sink = new CollectingSink();
        GatewayLogBackend backend = start(sink);
        backend.logger(LogComponent.SYSTEM, "metrics").metric("queue_depth", 12, "messages", Map.of("queue", "in"));
        backend.flush(Duration.ofSeconds(5));
        assertThat(sink.records()).singleElement().satisfies(r -> {
            assertThat(r.component()).isEqualTo(LogComponent.METRICS);
            assertThat(r.fields()).containsEntry("metric_name", "queue_depth").containsEntry("queue", "in");
        });
    }
}
