package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.SettingParsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Kafka sink's settings table ({@code sink.kafka.*}), declared to the core by the provider. Producer
 * properties ({@code sink.kafka.client.<property>}) are a family checked by {@link KafkaConfig} against the
 * client's own definitions.
 */
public final class KafkaKeys {
    static final String PREFIX = "sink.kafka.";

    static final SettingKey<String> BOOTSTRAP_SERVERS = SettingKey.builder(
                    PREFIX + "bootstrap.servers", (key, raw) -> raw)
            .defaultValue("localhost:9092")
            .allowed("host:port, ...")
            .global()
            .build();
    static final SettingKey<String> TOPIC = SettingKey.builder(PREFIX + "topic", (key, raw) -> raw)
            .defaultValue("gateway.logs.{component}")
            .allowed("a topic name")
            .global()
            .build();
    static final SettingKey<Set<LogComponent>> COMPONENTS = SettingKey.builder(
                    PREFIX + "components", SettingParsers.components())
            .defaultValue("all")
            .allowed(SettingParsers.COMPONENTS_ALLOWED)
            .global()
            .build();
    /** Per component: {@code component.<id>.sink.kafka.format}. */
    static final SettingKey<String> FORMAT = SettingKey.builder(PREFIX + "format", KafkaKeys::format)
            .defaultValue("json")
            .allowed("json or ecs")
            .build();
    /** No default of its own: {@code <dir>/.kafka-spool}. */
    static final SettingKey<Path> SPOOL_DIR = SettingKey.builder(PREFIX + "spool.dir", SettingParsers.path())
            .allowed("a path")
            .global()
            .build();

    static final SettingKey<Long> SPOOL_MAX_BYTES = SettingKey.builder(
                    PREFIX + "spool.max.bytes", SettingParsers.size(64 * 1024, 1L << 40, "a size from 64KB to 1TB"))
            .defaultValue("1GB")
            .global()
            .build();
    static final SettingKey<Duration> SPOOL_FSYNC_INTERVAL = SettingKey.builder(
                    PREFIX + "spool.fsync.interval",
                    SettingParsers.duration(Duration.ZERO, Duration.ofHours(1), "a duration from 0 to 1h"))
            .defaultValue("1s")
            .global()
            .build();
    static final SettingKey<Duration> CLOSE_TIMEOUT = SettingKey.builder(
                    PREFIX + "close.timeout",
                    SettingParsers.duration(Duration.ZERO, Duration.ofHours(1), "a duration from 0 to 1h"))
            .defaultValue("5s")
            .global()
            .build();
    static final SettingKey<String> CLIENT = SettingKey.builder(PREFIX + "client.", (key, raw) -> raw)
            .family()
            .allowed("a Kafka producer property")
            .global()
            .build();

    /** The table. */
    public static final List<SettingKey<?>> KEYS = List.of(
            BOOTSTRAP_SERVERS,
            TOPIC,
            COMPONENTS,
            FORMAT,
            SPOOL_DIR,
            SPOOL_MAX_BYTES,
            SPOOL_FSYNC_INTERVAL,
            CLOSE_TIMEOUT,
            CLIENT);

    private KafkaKeys() {}

    private static String format(String key, String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("json") && !v.equals("ecs")) {
            throw new InvalidSettingException(key, raw, "json or ecs");
        }
        return v;
    }
}
