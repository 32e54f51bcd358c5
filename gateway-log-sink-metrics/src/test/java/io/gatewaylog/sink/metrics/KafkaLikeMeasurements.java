package io.gatewaylog.sink.metrics;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Stands in for the Kafka sink (another module): its measurements, under the names it publishes. */
final class KafkaLikeMeasurements {
    private KafkaLikeMeasurements() {}

    static List<Measurement> all() {
        List<Measurement> all = new ArrayList<>();
        for (LogComponent c : LogComponent.values()) {
            Map<String, String> t = Map.of("sink", "kafka", "component", c.id());
            all.add(Measurement.counter("gateway.log.kafka.spooled", t, "records", "Records spooled", () -> 3));
            all.add(Measurement.counter("gateway.log.kafka.sent", t, "records", "Records sent", () -> 3));
            all.add(Measurement.counter(
                    "gateway.log.kafka.acknowledged", t, "records", "Records acknowledged", () -> 2));
        }
        for (String reason : List.of("spool_full", "rejected", "corrupt", "closed")) {
            all.add(Measurement.counter(
                    "gateway.log.kafka.dropped",
                    Map.of("sink", "kafka", "reason", reason),
                    "records",
                    "Records lost",
                    () -> 0));
        }
        Map<String, String> tags = Map.of("sink", "kafka");
        all.add(Measurement.counter("gateway.log.kafka.send.errors", tags, null, "Failed sends", () -> 1));
        all.add(Measurement.counter("gateway.log.kafka.resent", tags, "records", "Records sent again", () -> 0));
        all.add(Measurement.counter("gateway.log.kafka.skipped", tags, "records", "Client logs not shipped", () -> 0));
        all.add(Measurement.gauge("gateway.log.kafka.spool.bytes", tags, "bytes", "Spool bytes", () -> 4096));
        all.add(Measurement.gauge("gateway.log.kafka.spool.limit", tags, "bytes", "Spool bound", () -> 1 << 30));
        all.add(Measurement.gauge("gateway.log.kafka.spool.records", tags, "records", "Records waiting", () -> 1));
        all.add(Measurement.gauge("gateway.log.kafka.broker.reachable", tags, null, "Broker reachable", () -> 1));
        return all;
    }
}
