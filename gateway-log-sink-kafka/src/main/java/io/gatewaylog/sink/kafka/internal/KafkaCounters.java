package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.Measurement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/** What the sink counts, published as {@code gateway.log.kafka.*} measurements (tag {@code sink=kafka}). */
final class KafkaCounters {
    static final String SPOOL_FULL = "spool_full";
    static final String REJECTED = "rejected";
    static final String CORRUPT = "corrupt";
    static final String CLOSED = "closed";
    static final List<String> REASONS = List.of(SPOOL_FULL, REJECTED, CORRUPT, CLOSED);

    final Map<LogComponent, LongAdder> spooled = adders();
    final Map<LogComponent, LongAdder> sent = adders();
    final Map<LogComponent, LongAdder> acknowledged = adders();
    final Map<String, LongAdder> dropped = new java.util.LinkedHashMap<>();
    final LongAdder sendErrors = new LongAdder();
    final LongAdder resent = new LongAdder();
    final LongAdder skipped = new LongAdder();
    volatile boolean reachable;

    KafkaCounters() {
        for (String r : REASONS) {
            dropped.put(r, new LongAdder());
        }
    }

    private static Map<LogComponent, LongAdder> adders() {
        Map<LogComponent, LongAdder> m = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            m.put(c, new LongAdder());
        }
        return m;
    }

    long droppedTotal() {
        return dropped.values().stream().mapToLong(LongAdder::sum).sum();
    }

    List<Measurement> measurements(DoubleSupplier spoolBytes, DoubleSupplier spoolRecords, long spoolLimit) {
        List<Measurement> all = new ArrayList<>();
        addComponentCounters(all);
        addDropped(all);
        addSenderCounters(all);
        addSpoolGauges(all, spoolBytes, spoolRecords, spoolLimit);
        return all;
    }

    /** The per-component record flow: spooled, sent, acknowledged. */
    private void addComponentCounters(List<Measurement> all) {
        for (LogComponent c : LogComponent.values()) {
            Map<String, String> t = Map.of("sink", "kafka", "component", c.id());
            all.add(Measurement.counter(
                    "gateway.log.kafka.spooled",
                    t,
                    "records",
                    "Records put in the spool (every record passes through it)",
                    spooled.get(c)::sum));
            all.add(Measurement.counter(
                    "gateway.log.kafka.sent",
                    t,
                    "records",
                    "Records handed to the Kafka producer (resends included)",
                    sent.get(c)::sum));
            all.add(Measurement.counter(
                    "gateway.log.kafka.acknowledged",
                    t,
                    "records",
                    "Records acknowledged by Kafka (acks=all)",
                    acknowledged.get(c)::sum));
        }
    }

    private void addDropped(List<Measurement> all) {
        for (Map.Entry<String, LongAdder> e : dropped.entrySet()) {
            all.add(Measurement.counter(
                    "gateway.log.kafka.dropped",
                    Map.of("sink", "kafka", "reason", e.getKey()),
                    "records",
                    "Records lost: spool full, refused by Kafka for good, unreadable spool data, or written after close",
                    e.getValue()::sum));
        }
    }

    /** What the sender thread counts: failed sends, resends, and the Kafka client's own records. */
    private void addSenderCounters(List<Measurement> all) {
        Map<String, String> tags = Map.of("sink", "kafka");
        all.add(Measurement.counter(
                "gateway.log.kafka.send.errors",
                tags,
                null,
                "Failed sends (each retried from the spool)",
                sendErrors::sum));
        all.add(Measurement.counter(
                "gateway.log.kafka.resent",
                tags,
                "records",
                "Records sent again after a failure: an upper bound on the duplicates",
                resent::sum));
        all.add(Measurement.counter(
                "gateway.log.kafka.skipped",
                tags,
                "records",
                "The Kafka client's own log records, not shipped to Kafka (no feedback loop)",
                skipped::sum));
    }

    /** The spool's size and bound, and whether the broker answered the last send. */
    private void addSpoolGauges(
            List<Measurement> all, DoubleSupplier spoolBytes, DoubleSupplier spoolRecords, long spoolLimit) {
        Map<String, String> tags = Map.of("sink", "kafka");
        all.add(Measurement.gauge(
                "gateway.log.kafka.spool.bytes", tags, "bytes", "Bytes of the spool's segment files", spoolBytes));
        all.add(Measurement.gauge(
                "gateway.log.kafka.spool.limit",
                tags,
                "bytes",
                "The bound on the spool's segment files (sink.kafka.spool.max.bytes)",
                () -> spoolLimit));
        all.add(Measurement.gauge(
                "gateway.log.kafka.spool.records",
                tags,
                "records",
                "Records in the spool not yet acknowledged by Kafka",
                spoolRecords));
        all.add(Measurement.gauge(
                "gateway.log.kafka.broker.reachable",
                tags,
                null,
                "1 while the last send was acknowledged, 0 after a failure or before the first acknowledgement",
                () -> reachable ? 1 : 0));
    }
}
