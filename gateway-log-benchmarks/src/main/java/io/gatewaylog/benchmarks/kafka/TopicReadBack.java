package io.gatewaylog.benchmarks.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What reached the benchmark's topic, seen with a consumer: when it stopped growing, and what is in it. */
final class TopicReadBack {
    private TopicReadBack() {}

    /**
     * Waits until the topic holds {@code expected} records or its end offset has not moved for 3 s;
     * returns the last time it moved ({@code finished} if it never did).
     */
    static long settle(String bootstrap, long expected, long finished) throws InterruptedException {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        TopicPartition p = new TopicPartition(KafkaShipping.TOPIC, 0);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props)) {
            long last = -1;
            long lastChange = finished;
            while (true) {
                long offset = c.endOffsets(List.of(p)).get(p);
                long now = System.nanoTime();
                if (offset != last) {
                    if (last >= 0) {
                        lastChange = now;
                    }
                    last = offset;
                }
                if (offset >= expected
                        || now - lastChange > Duration.ofSeconds(3).toNanos()) {
                    return lastChange;
                }
                Thread.sleep(20);
            }
        }
    }

    /** {found, distinct} request ids among 0..records-1 in the topic. */
    static int[] count(String bootstrap, int records) {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                10_000);
        BitSet seen = new BitSet(records);
        int found = 0;
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props)) {
            TopicPartition p = new TopicPartition(KafkaShipping.TOPIC, 0);
            c.assign(List.of(p));
            c.seekToBeginning(List.of(p));
            long endOffset = c.endOffsets(List.of(p)).get(p);
            while (c.position(p) < endOffset) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    try {
                        JsonNode n = json.readTree(r.value());
                        int id = Integer.parseInt(n.get("request_id").asText());
                        found++;
                        seen.set(id);
                    } catch (Exception e) {
                        // not a benchmark record
                    }
                }
            }
        }
        return new int[] {found, seen.cardinality()};
    }
}
