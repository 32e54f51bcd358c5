package io.gatewaylog.sink.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.core.internal.config.LayeredSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaConfigTest {

    private static KafkaConfig config(String... pairs) {
        Map<String, String> code = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            code.put(pairs[i], pairs[i + 1]);
        }
        return KafkaConfig.from(LayeredSettings.load(code, new Properties(), Map.of()));
    }

    @Test
    void defaults() {
        KafkaConfig c = config();
        assertThat(c.bootstrapServers).isEqualTo("localhost:9092");
        assertThat(c.topic(LogComponent.API)).isEqualTo("gateway.logs.api");
        assertThat(c.topic(LogComponent.AUTH)).isEqualTo("gateway.logs.auth");
        for (LogComponent comp : LogComponent.values()) {
            assertThat(c.accepts(comp)).isTrue();
        }
        assertThat(c.spoolDir).isEqualTo(Path.of("./logs").resolve(".kafka-spool"));
        assertThat(c.spoolMaxBytes).isEqualTo(1L << 30);
        assertThat(c.segmentBytes).isEqualTo(32L << 20);
        assertThat(c.fsyncInterval).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.closeTimeout).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.producerProperties())
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("max.in.flight.requests.per.connection", "5")
                .containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("max.block.ms", "5000")
                .containsEntry("batch.size", "262144");
    }

    @Test
    void spoolDirFollowsTheLogDirectory() {
        assertThat(config("dir", "/var/log/gw").spoolDir).isEqualTo(Path.of("/var/log/gw/.kafka-spool"));
        assertThat(config("sink.kafka.spool.dir", "/spool").spoolDir).isEqualTo(Path.of("/spool"));
    }

    @Test
    void topicTemplateOrOneTopic() {
        assertThat(config("sink.kafka.topic", "logs.{component}.v1").topic(LogComponent.PROTOCOL))
                .isEqualTo("logs.protocol.v1");
        assertThat(config("sink.kafka.topic", "gateway-logs").topic(LogComponent.METRICS))
                .isEqualTo("gateway-logs");
        assertThatThrownBy(() -> config("sink.kafka.topic", "bad topic"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'sink.kafka.topic' = 'bad topic'");
    }

    @Test
    void components() {
        KafkaConfig c = config("sink.kafka.components", "api, protocol");
        assertThat(c.accepts(LogComponent.API)).isTrue();
        assertThat(c.accepts(LogComponent.AUTH)).isFalse();
        assertThat(config("sink.kafka.components", "none").accepts(LogComponent.API))
                .isFalse();
        assertThatThrownBy(() -> config("sink.kafka.components", "api,bogus"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'sink.kafka.components' = 'api,bogus'")
                .hasMessageContaining("allowed");
    }

    @Test
    void clientPropertiesPassThroughAndAreValidated() {
        KafkaConfig c = config(
                "sink.kafka.client.compression.type",
                "zstd",
                "sink.kafka.client.security.protocol",
                "SSL",
                "sink.kafka.client.client.id",
                "gw-7");
        assertThat(c.producerProperties())
                .containsEntry("compression.type", "zstd")
                .containsEntry("security.protocol", "SSL");
        assertThat(c.clientId).isEqualTo("gw-7");

        assertThatThrownBy(() -> config("sink.kafka.client.compresion.type", "zstd"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'sink.kafka.client.compresion.type' = 'zstd'")
                .hasMessageContaining("not one");
        assertThatThrownBy(() -> config("sink.kafka.client.compression.type", "brotli"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'sink.kafka.client.compression.type' = 'brotli'")
                .hasMessageContaining("zstd");
        assertThatThrownBy(() -> config("sink.kafka.client.linger.ms", "soon"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'sink.kafka.client.linger.ms' = 'soon'")
                .hasMessageContaining("long");
        assertThatThrownBy(() -> config("sink.kafka.client.acks", "1"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'sink.kafka.client.acks' = '1'");
        assertThatThrownBy(() -> config("sink.kafka.client.enable.idempotence", "false"))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> config("sink.kafka.client.max.in.flight.requests.per.connection", "6"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("1 to 5");
        assertThatThrownBy(() -> config("sink.kafka.client.value.serializer", "x.Y"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("the sink sets");
    }

    @Test
    void otherSettingsFailFast() {
        assertThatThrownBy(() -> config("sink.kafka.spool.max.bytes", "1KB"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'sink.kafka.spool.max.bytes' = '1KB'")
                .hasMessageContaining("64KB to 1TB");
        assertThatThrownBy(() -> config("sink.kafka.format", "xml"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'sink.kafka.format' = 'xml'")
                .hasMessageContaining("json or ecs");
        assertThatThrownBy(() -> config("sink.kafka.close.timeout", "2h")).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> config("sink.kafka.bootstrap.servers", " "))
                .isInstanceOf(InvalidSettingException.class);
        assertThat(config("sink.kafka.spool.max.bytes", "64KB").segmentBytes).isEqualTo(16 * 1024);
        assertThat(config("sink.kafka.spool.fsync.interval", "0ms").fsyncInterval)
                .isZero();
    }

    @Test
    void formatIsJsonOrEcsPerComponent() {
        KafkaConfig defaults = config();
        assertThat(defaults.format(LogComponent.API)).isEqualTo("json");
        KafkaConfig ecs = config("sink.kafka.format", "ECS", "component.auth.sink.kafka.format", "json");
        assertThat(ecs.format(LogComponent.API)).isEqualTo("ecs");
        assertThat(ecs.format(LogComponent.METRICS)).isEqualTo("ecs");
        assertThat(ecs.format(LogComponent.AUTH)).isEqualTo("json");
        assertThatThrownBy(() -> config("component.api.sink.kafka.format", "text"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'component.api.sink.kafka.format' = 'text'")
                .hasMessageContaining("json or ecs");
    }
}
