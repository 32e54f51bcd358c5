package io.gatewaylog.sink.kafka.internal;

import static io.gatewaylog.sink.kafka.internal.TestBackends.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.core.GatewayLogBackend;
import io.gatewaylog.testkit.RecordingReporter;
import io.gatewaylog.testkit.internal.BrokerSuite;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sink against one real broker: delivery, broker crash, broker down at start-up, a full spool. */
@BrokerSuite
class KafkaDeliveryTest {
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path root;

    @RegisterExtension
    static final KafkaBroker broker = KafkaBroker.perClass();

    private final List<GatewayLogBackend> backends = new ArrayList<>();
    private String prefix;
    private Path spool;

    @BeforeEach
    void names() throws Exception {
        int n = RUN.incrementAndGet();
        prefix = "t" + n;
        spool = root.resolve("spool" + n);
        if (!broker.isRunning()) {
            broker.start();
        }
    }

    @AfterEach
    void stopBackends() {
        backends.forEach(b -> b.shutdown(Duration.ofSeconds(10)));
    }

    private GatewayLogBackend backend(Map<String, String> extra, RecordingReporter reporter) {
        Map<String, String> s = TestBackends.kafka(broker.bootstrap(), prefix, spool);
        s.putAll(extra);
        GatewayLogBackend b = TestBackends.start(s, reporter);
        backends.add(b);
        return b;
    }

    private static void awaitAllAcknowledged(LogSink sink, long expected) {
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(value(sink, "acknowledged")).isEqualTo((double) expected);
            assertThat(value(sink, "spool.records")).isZero();
        });
    }

    @Test
    void everyRecordOfEveryComponentArrivesOnceInOrderWithTopicKeyHeadersAndValue() {
        GatewayLogBackend backend = backend(Map.of(), null);
        Level[] levels = {Level.INFO, Level.WARN, Level.ERROR, Level.DEBUG};
        for (int i = 0; i < 200; i++) {
            for (LogComponent c : LogComponent.values()) {
                GatewayLogger log = backend.logger(c, "delivery");
                log.log(levels[i % levels.length], c.id() + "-" + i, Map.of("i", i, "password", "hunter2"), null);
            }
        }
        assertThat(backend.flush(Duration.ofSeconds(10))).isTrue();
        LogSink sink = TestBackends.sink(backend);
        awaitAllAcknowledged(sink, 200L * LogComponent.values().length);

        for (LogComponent c : LogComponent.values()) {
            List<TopicReader.Read> reads = TopicReader.readAll(broker.bootstrap(), prefix + "." + c.id());
            assertThat(reads).as(c.id()).hasSize(200);
            for (int i = 0; i < 200; i++) {
                TopicReader.Read r = reads.get(i);
                assertThat(r.key()).isEqualTo("gw-1");
                assertThat(r.headers())
                        .containsExactly(
                                Map.entry("component", c.id()), Map.entry("level", levels[i % levels.length].name()));
                assertThat(r.value()).doesNotEndWith("\n").doesNotContain("hunter2");
                JsonNode json = Json.parse(r.value());
                assertThat(json.get("message").asText()).isEqualTo(c.id() + "-" + i);
                assertThat(json.get("component").asText()).isEqualTo(c.id());
                assertThat(json.get("i").asInt()).isEqualTo(i);
                assertThat(Instant(json.get("timestamp").asText())).isEqualTo(r.timestamp());
            }
        }
        assertThat(value(sink, "dropped")).isZero();
        assertThat(value(sink, "resent")).isZero();
        assertThat(value(sink, "broker.reachable")).isEqualTo(1.0);
        assertThat(backend.statistics().component(LogComponent.AUTH).sinkErrors())
                .isZero();
    }

    private static long Instant(String iso) {
        return java.time.Instant.parse(iso).toEpochMilli();
    }

    @Test
    void brokerKilledMidStreamAndRestartedLosesNothing() throws Exception {
        GatewayLogBackend backend = backend(Map.of(), null);
        LogSink sink = TestBackends.sink(backend);
        GatewayLogger log = backend.logger(LogComponent.PROTOCOL, "stream");
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger logged = new java.util.concurrent.atomic.AtomicInteger();
        Thread producer = new Thread(() -> {
            // a steady stream, on until told to stop: before, during and after the outage
            for (int i = 0; !stop.get(); i++) {
                log.info("m-" + i);
                logged.set(i + 1);
                if (i % 10 == 0) {
                    sleep(1);
                }
            }
        });
        producer.start();
        await().atMost(WAIT).until(() -> value(sink, "acknowledged") >= 1000);
        broker.kill();
        await().atMost(WAIT).until(() -> value(sink, "spooled") >= value(sink, "acknowledged") + 500);
        broker.start();
        int atRestart = logged.get();
        await().atMost(WAIT).until(() -> logged.get() >= atRestart + 500);
        stop.set(true);
        producer.join();
        int total = logged.get();
        assertThat(backend.flush(Duration.ofSeconds(10))).isTrue();
        awaitAllAcknowledged(sink, total);

        List<String> got = TopicReader.messages(TopicReader.readAll(broker.bootstrap(), prefix + ".protocol"));
        Set<String> distinct = new LinkedHashSet<>(got);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            expected.add("m-" + i);
        }
        assertThat(new ArrayList<>(distinct))
                .as("every record, in order of first arrival")
                .isEqualTo(expected);
        int duplicates = got.size() - distinct.size();
        System.out.println("broker SIGKILL mid-stream: " + total + " records, 0 lost, " + duplicates + " duplicates, "
                + (long) value(sink, "resent") + " resent, " + (long) value(sink, "send.errors") + " send errors");
        assertThat((double) duplicates).isLessThanOrEqualTo(value(sink, "resent"));
    }

    @Test
    void brokerDownAtStartUpThenUpEverythingSpooledArrivesInOrder() throws Exception {
        broker.stop();
        RecordingReporter reporter = new RecordingReporter();
        GatewayLogBackend backend = backend(Map.of("sink.kafka.client.max.block.ms", "1000"), reporter);
        LogSink sink = TestBackends.sink(backend);
        for (int i = 0; i < 300; i++) {
            for (LogComponent c : List.of(LogComponent.API, LogComponent.AUTH)) {
                backend.logger(c, "down").info(c.id() + "-" + i);
            }
        }
        assertThat(backend.flush(Duration.ofSeconds(10))).isTrue();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(value(sink, "spooled")).isEqualTo(600.0);
            assertThat(value(sink, "send.errors")).isPositive();
        });
        assertThat(value(sink, "broker.reachable")).isZero();
        assertThat(value(sink, "spool.records")).isEqualTo(600.0);
        assertThat(value(sink, "spool.bytes")).isPositive();
        broker.start();
        awaitAllAcknowledged(sink, 600);
        for (LogComponent c : List.of(LogComponent.API, LogComponent.AUTH)) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                expected.add(c.id() + "-" + i);
            }
            assertThat(new ArrayList<>(new LinkedHashSet<>(
                            TopicReader.messages(TopicReader.readAll(broker.bootstrap(), prefix + "." + c.id())))))
                    .isEqualTo(expected);
        }
        assertThat(reporter.count("sending to Kafka failed")).isEqualTo(1);
        assertThat(reporter.count("acknowledges records again")).isEqualTo(1);
    }

    @Test
    void aFullSpoolDropsCountsReportsOnceNeverBlocksAndTheNextStartSendsWhatItHeld() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        RecordingReporter reporter = new RecordingReporter();
        Map<String, String> small = Map.of(
                "sink.kafka.bootstrap.servers",
                "127.0.0.1:" + deadPort,
                "sink.kafka.spool.max.bytes",
                "64KB",
                "sink.kafka.client.max.block.ms",
                "500");
        GatewayLogBackend backend = backend(small, reporter);
        LogSink sink = TestBackends.sink(backend);
        GatewayLogger log = backend.logger(LogComponent.API, "full");
        int total = 3000;
        for (int i = 0; i < total; i++) {
            log.info("f-" + i, Map.of("padding", "x".repeat(100)));
        }
        assertThat(backend.flush(Duration.ofSeconds(10))).isTrue();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(value(sink, "spooled") + value(sink, "dropped", "reason", "spool_full"))
                        .isEqualTo((double) total));
        long spooled = (long) value(sink, "spooled");
        assertThat(spooled).isPositive().isLessThan(total);
        assertThat(value(sink, "spool.bytes")).isLessThanOrEqualTo(64 * 1024);
        assertThat(backend.statistics().component(LogComponent.API).droppedTotal())
                .isZero();
        assertThat(reporter.count("the spool is full")).isEqualTo(1);
        assertThat(backend.shutdown(Duration.ofSeconds(10))).isTrue();
        backends.clear();

        // The next start, with Kafka reachable, sends what the spool held: the first records, in order.
        GatewayLogBackend next = backend(Map.of("sink.kafka.spool.max.bytes", "64KB"), null);
        awaitAllAcknowledged(TestBackends.sink(next), spooled);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < spooled; i++) {
            expected.add("f-" + i);
        }
        assertThat(TopicReader.messages(TopicReader.readAll(broker.bootstrap(), prefix + ".api")))
                .isEqualTo(expected);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
