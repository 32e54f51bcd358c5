package io.gatewaylog.sink.kafka;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LogSinkProvider;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.SinkContext;
import io.gatewaylog.sink.kafka.internal.KafkaConfig;
import io.gatewaylog.sink.kafka.internal.KafkaKeys;
import io.gatewaylog.sink.kafka.internal.KafkaSink;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Provides the {@code kafka} sink: each component's records, as JSON or ECS lines
 * ({@code sink.kafka.format}), to a Kafka topic
 * ({@code gateway.logs.<component>} by default), keyed by {@code asset_id}, at least once and in order per
 * component, through a bounded crash-safe spool on disk that carries them across broker outages. Its
 * settings are {@code sink.kafka.*}; see {@code docs/gateway-log-sink-kafka.md}.
 *
 * @since 0.5
 */
public final class KafkaSinkProvider implements LogSinkProvider {

    /** The sink's name, as used in {@code sink.kafka.*} settings. */
    public static final String NAME = "kafka";

    /** Used by {@link java.util.ServiceLoader}. */
    public KafkaSinkProvider() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogSink create(SinkContext context) {
        KafkaConfig config = KafkaConfig.from(context.settings());
        Map<LogComponent, RecordEncoder> encoders = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            encoders.put(c, context.encoder(config.format(c)));
        }
        return new KafkaSink(config, RecordEncoder.byComponent(encoders), context.reporter());
    }

    /** The sink's keys ({@code sink.kafka.*}, see {@link KafkaKeys}). */
    @Override
    public List<SettingKey<?>> settings() {
        return KafkaKeys.KEYS;
    }
}
