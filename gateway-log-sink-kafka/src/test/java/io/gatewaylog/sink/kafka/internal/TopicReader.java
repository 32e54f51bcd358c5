package io.gatewaylog.sink.kafka.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a whole topic back with a real consumer (no group: assign, from the beginning to the end offsets). */
final class TopicReader {
    private TopicReader() {}

    /** One record as it sits in Kafka. */
    record Read(String topic, int partition, String key, Map<String, String> headers, String value, long timestamp) {}

    static List<Read> readAll(String bootstrap, String topic) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            List<TopicPartition> parts = infos == null
                    ? List.of()
                    : infos.stream()
                            .map(i -> new TopicPartition(topic, i.partition()))
                            .toList();
            if (parts.isEmpty()) {
                return List.of();
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts, Duration.ofSeconds(30));
            List<Read> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + ends);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new java.util.LinkedHashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                    }
                    out.add(new Read(
                            r.topic(),
                            r.partition(),
                            r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                            headers,
                            new String(r.value(), StandardCharsets.UTF_8),
                            r.timestamp()));
                }
            }
            return out;
        }
    }

    /** The {@code message} of each record's JSON value, in order. */
    static List<String> messages(List<Read> reads) {
        return reads.stream().map(r -> Json.message(r.value())).collect(Collectors.toList());
    }
}
