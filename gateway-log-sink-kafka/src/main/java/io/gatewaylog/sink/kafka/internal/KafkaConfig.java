package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.CommonSettings;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.Settings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka sink's settings ({@code sink.kafka.*}), read and validated once at start-up: an invalid value
 * fails with an {@link InvalidSettingException} naming the key, the value and what is allowed. Producer
 * properties ({@code sink.kafka.client.<property>}) are checked against the client's own definitions
 * (name, type, range), so a typo fails here rather than as a warning in the client's log. Keys and defaults:
 * {@link KafkaKeys}.
 */
public final class KafkaConfig {
    /** Prefix of every key of this sink. */
    public static final String PREFIX = "sink.kafka.";
    /** Prefix of the producer properties passed through. */
    public static final String CLIENT = KafkaKeys.CLIENT.name();

    static final String COMPONENT_PLACEHOLDER = "{component}";

    /** Properties the sink's guarantees rest on; a user may set them only to these values. */
    private static final Map<String, Set<String>> PINNED = Map.of(
            ProducerConfig.ACKS_CONFIG, Set.of("all", "-1"),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, Set.of("true"));
    /** Properties the sink owns entirely. */
    private static final Set<String> OWNED = Set.of(
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            ProducerConfig.PARTITIONER_CLASS_CONFIG);

    final String bootstrapServers;
    final Map<LogComponent, String> topics;
    final Set<LogComponent> components;
    final Path spoolDir;
    final long spoolMaxBytes;
    final long segmentBytes;
    final Duration fsyncInterval;
    final Duration closeTimeout;
    final String fallbackKey;
    final String clientId;
    final Map<String, Object> producer;
    final long maxInFlightBytes;
    final Map<LogComponent, String> formats;

    private KafkaConfig(Settings s) {
        bootstrapServers = nonBlank(s, KafkaKeys.BOOTSTRAP_SERVERS);
        topics = topics(s);
        components = s.get(KafkaKeys.COMPONENTS);
        formats = formats(s);
        Path spool = s.get(KafkaKeys.SPOOL_DIR);
        spoolDir = spool != null ? spool : s.get(CommonSettings.DIR).resolve(".kafka-spool");
        spoolMaxBytes = s.get(KafkaKeys.SPOOL_MAX_BYTES);
        // One segment per component is always open; at 1/32 of the bound, six of them use under a fifth of it.
        segmentBytes = Math.max(16 * 1024, Math.min(64L << 20, spoolMaxBytes / 32));
        fsyncInterval = s.get(KafkaKeys.SPOOL_FSYNC_INTERVAL);
        closeTimeout = s.get(KafkaKeys.CLOSE_TIMEOUT);
        String asset = s.get(CommonSettings.ASSET_ID);
        fallbackKey = asset.isEmpty() ? hostName() : asset;
        producer = producer(s, bootstrapServers);
        clientId = (String) producer.get(ProducerConfig.CLIENT_ID_CONFIG);
        long memory = ((Number) ProducerConfig.configDef().parse(producer).get(ProducerConfig.BUFFER_MEMORY_CONFIG))
                .longValue();
        // Keeps the producer's buffer from filling (send() would block on it) with every component sending.
        maxInFlightBytes = Math.max(64 * 1024, memory / (2L * LogComponent.values().length));
    }

    /** Reads and validates the settings. */
    public static KafkaConfig from(Settings settings) {
        return new KafkaConfig(settings);
    }

    /** Whether records of {@code component} are shipped. */
    public boolean accepts(LogComponent component) {
        return components.contains(component);
    }

    /** The line format of {@code component}'s records: {@code json} or {@code ecs} ({@code sink.kafka.format}). */
    public String format(LogComponent component) {
        return formats.get(component);
    }

    private static Map<LogComponent, String> formats(Settings s) {
        Map<LogComponent, String> formats = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            formats.put(c, s.forComponent(c).get(KafkaKeys.FORMAT));
        }
        return formats;
    }

    /** The topic of {@code component}'s records. */
    public String topic(LogComponent component) {
        return topics.get(component);
    }

    /** The producer properties: the sink's defaults, then the user's {@code sink.kafka.client.*}. */
    public Map<String, Object> producerProperties() {
        return producer;
    }

    private static Map<String, Object> producer(Settings s, String bootstrap) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // At most 5 keeps the idempotent producer's ordering guarantee across retries.
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // Log lines are small and many: 256KB batches (Kafka's default is 16KB) halved the time to ship
        // 200,000 records on loopback in our benchmark.
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        // send() blocks (the sink's sender thread, never a logging thread) at most this long on missing
        // metadata; a failed send is retried from the spool, so a short bound only costs a retry.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "gateway-log-kafka");
        Map<String, ConfigDef.ConfigKey> keys = ProducerConfig.configDef().configKeys();
        for (String key : s.keysWithPrefix(CLIENT)) {
            String name = key.substring(CLIENT.length());
            String value = s.get(key).orElse("");
            checkClientProperty(key, name, value, keys);
            p.put(name, value.trim());
        }
        if (!p.containsKey(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)) {
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        }
        int inFlight = Integer.parseInt(
                p.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION).toString());
        if (inFlight > 5) {
            throw new InvalidSettingException(
                    CLIENT + ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                    String.valueOf(inFlight),
                    "1 to 5 (the idempotent producer keeps order only up to 5)");
        }
        // Not new ProducerConfig(p): it logs every value through SLF4J on this thread, which is the thread
        // binding the backend; with a bridge on the class path that log would re-enter the binding.
        try {
            ProducerConfig.configDef().parse(p);
        } catch (ConfigException e) {
            throw new InvalidSettingException(
                    CLIENT + "*", p.toString(), "a valid producer configuration: " + e.getMessage());
        }
        return Map.copyOf(p);
    }

    /** A producer property the client knows, that the sink does not own, with a value the client accepts. */
    private static void checkClientProperty(
            String key, String name, String value, Map<String, ConfigDef.ConfigKey> keys) {
        if (!ProducerConfig.configNames().contains(name) || !keys.containsKey(name)) {
            throw new InvalidSettingException(
                    key,
                    value,
                    "a Kafka producer property after '" + CLIENT + "' ('" + name
                            + "' is not one; see ProducerConfig of kafka-clients)");
        }
        if (OWNED.contains(name)) {
            throw new InvalidSettingException(key, value, "nothing: the sink sets '" + name + "' itself");
        }
        Set<String> pinned = PINNED.get(name);
        if (pinned != null && !pinned.contains(value.trim().toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidSettingException(
                    key, value, String.join(" or ", pinned) + " (at-least-once, ordered delivery depends on it)");
        }
        ConfigDef.ConfigKey def = keys.get(name);
        try {
            Object parsed = ConfigDef.parseType(name, value.trim(), def.type);
            if (def.validator != null) {
                def.validator.ensureValid(name, parsed);
            }
        } catch (ConfigException e) {
            throw new InvalidSettingException(key, value, allowed(def, e));
        }
    }

    private static String allowed(ConfigDef.ConfigKey def, ConfigException e) {
        String range = def.validator == null ? "" : " " + def.validator;
        return "a value of type " + def.type.toString().toLowerCase(java.util.Locale.ROOT) + range + " ("
                + e.getMessage() + ")";
    }

    private static Map<LogComponent, String> topics(Settings s) {
        String key = KafkaKeys.TOPIC.name();
        String raw = s.get(key)
                .orElse(KafkaKeys.TOPIC.defaultValue(s.profile(), null))
                .trim();
        Map<LogComponent, String> map = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            String t = raw.replace(COMPONENT_PLACEHOLDER, c.id());
            // Kafka's own rule (Topic.validate): 1-249 of [a-zA-Z0-9._-].
            if (t.isEmpty() || t.length() > 249 || !t.matches("[a-zA-Z0-9._-]+") || t.equals(".") || t.equals("..")) {
                throw new InvalidSettingException(
                        key,
                        raw,
                        "a topic name of 1 to 249 characters a-z A-Z 0-9 . _ -, in which " + COMPONENT_PLACEHOLDER
                                + " stands for the component id");
            }
            map.put(c, t);
        }
        return map;
    }

    private static String nonBlank(Settings s, SettingKey<String> key) {
        String defaultValue = key.defaultValue(s.profile(), null);
        String v = s.get(key.name()).orElse(defaultValue).trim();
        if (v.isEmpty()) {
            throw new InvalidSettingException(key.name(), v, "a non-empty value, e.g. " + defaultValue);
        }
        return v;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
