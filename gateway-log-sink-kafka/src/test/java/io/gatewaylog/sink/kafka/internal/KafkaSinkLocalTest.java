package io.gatewaylog.sink.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.SinkConflictException;
import io.gatewaylog.core.internal.config.LayeredSettings;
import io.gatewaylog.testkit.RecordingReporter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink without a broker: the spool's lock, the client's own records kept out, writes after close. */
class KafkaSinkLocalTest {
    private static final RecordEncoder ENCODER = new RecordEncoder() {
        @Override
        public void encode(LogRecord record, OutputStream out) throws IOException {
            out.write(encode(record));
        }

        @Override
        public byte[] encode(LogRecord record) {
            return ("{\"message\":\"" + record.message() + "\"}\n").getBytes(StandardCharsets.UTF_8);
        }
    };

    @TempDir
    Path dir;

    private KafkaSink sink(RecordingReporter reporter) throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        KafkaConfig config = KafkaConfig.from(LayeredSettings.load(
                Map.of(
                        "sink.kafka.spool.dir",
                        dir.toString(),
                        "sink.kafka.bootstrap.servers",
                        "127.0.0.1:" + deadPort,
                        "sink.kafka.client.max.block.ms",
                        "200"),
                new Properties(),
                Map.of()));
        return new KafkaSink(config, ENCODER, reporter);
    }

    private static LogRecord record(String logger, String thread, String message) {
        return LogRecord.builder(Level.INFO, LogComponent.SYSTEM, logger)
                .message(message)
                .thread(thread, 1)
                .build();
    }

    @Test
    void aSecondSinkOnTheSameSpoolFailsToStart() throws Exception {
        try (KafkaSink first = sink(new RecordingReporter())) {
            assertThatThrownBy(() -> sink(new RecordingReporter()))
                    .isInstanceOf(SinkConflictException.class)
                    .hasMessageContaining("in use");
        }
        sink(new RecordingReporter()).close(); // free again once the first is closed
    }

    @Test
    void theKafkaClientsOwnRecordsFromTheSinksThreadsAreNotShipped() throws Exception {
        try (KafkaSink sink = sink(new RecordingReporter())) {
            int taken = sink.write(List.of(
                    record("app", "main", "a"),
                    record(
                            "org.apache.kafka.clients.NetworkClient",
                            "kafka-producer-network-thread | gateway-log-kafka",
                            "loop"),
                    record("org.apache.kafka.clients.producer.KafkaProducer", KafkaSender.THREAD_NAME, "loop"),
                    record("org.apache.kafka.clients.consumer.KafkaConsumer", "app-consumer-1", "the app's own client"),
                    record("app", KafkaSender.THREAD_NAME, "b")));
            assertThat(taken).isEqualTo(5);
            assertThat(TestBackends.value(sink, "skipped")).isEqualTo(2.0);
            assertThat(TestBackends.value(sink, "spooled", "component", "system"))
                    .isEqualTo(3.0);
        }
    }

    @Test
    void recordsWrittenAfterCloseAreCountedAsDropped() throws Exception {
        KafkaSink sink = sink(new RecordingReporter());
        sink.close();
        assertThat(sink.write(List.of(record("app", "main", "late")))).isEqualTo(1);
        assertThat(TestBackends.value(sink, "dropped", "reason", "closed")).isEqualTo(1.0);
    }

    @Test
    void theProviderAsksTheBackendForEachComponentsFormat() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        io.gatewaylog.api.spi.Settings settings = LayeredSettings.load(
                Map.of(
                        "sink.kafka.spool.dir",
                        dir.toString(),
                        "sink.kafka.bootstrap.servers",
                        "127.0.0.1:" + deadPort,
                        "sink.kafka.client.max.block.ms",
                        "200",
                        "sink.kafka.format",
                        "ecs",
                        "component.auth.sink.kafka.format",
                        "json"),
                new Properties(),
                Map.of());
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.gatewaylog.api.spi.SinkContext context = new io.gatewaylog.api.spi.SinkContext() {
            @Override
            public io.gatewaylog.api.spi.Settings settings() {
                return settings;
            }

            @Override
            public RecordEncoder encoder() {
                return ENCODER;
            }

            @Override
            public RecordEncoder encoder(String format) {
                asked.add(format);
                return ENCODER;
            }

            @Override
            public io.gatewaylog.api.spi.Reporter reporter() {
                return new RecordingReporter();
            }

            @Override
            public io.gatewaylog.api.spi.LoggingStatistics statistics() {
                return io.gatewaylog.api.spi.LoggingStatistics.empty();
            }
        };
        try (io.gatewaylog.api.spi.LogSink sink = new io.gatewaylog.sink.kafka.KafkaSinkProvider().create(context)) {
            assertThat(sink).isNotNull();
        }
        assertThat(asked).hasSize(LogComponent.values().length);
        assertThat(asked.get(LogComponent.AUTH.ordinal())).isEqualTo("json");
        assertThat(asked.stream().filter("ecs"::equals).count()).isEqualTo(LogComponent.values().length - 1);
    }
}
