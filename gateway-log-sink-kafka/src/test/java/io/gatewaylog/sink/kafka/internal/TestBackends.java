package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Measurement;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.core.GatewayLogBackend;
import io.gatewaylog.testkit.Measurements;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Backends with the Kafka sink found by ServiceLoader, and reading its measurements. */
final class TestBackends {
    private TestBackends() {}

    static Map<String, String> kafka(String bootstrap, String topicPrefix, Path spool) {
        Map<String, String> m = new HashMap<>();
        m.put("sink.kafka.enabled", "true");
        m.put("sink.kafka.bootstrap.servers", bootstrap);
        m.put("sink.kafka.topic", topicPrefix + ".{component}");
        m.put("sink.kafka.spool.dir", spool.toString());
        m.put("asset.id", "gw-1");
        m.put("flush.interval", "50ms");
        m.put("dir", spool.resolve("logs").toString());
        return m;
    }

    static GatewayLogBackend start(Map<String, String> settings, Reporter reporter) {
        GatewayLogBackend.Builder b = GatewayLogBackend.builder()
                .bindGlobalContext(false)
                .settings(settings)
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("retention.enabled", "false");
        if (reporter != null) {
            b.reporter(reporter);
        }
        return b.build();
    }

    static LogSink sink(GatewayLogBackend backend) {
        return backend.sinks().stream()
                .filter(s -> s.name().equals("kafka"))
                .findFirst()
                .orElseThrow();
    }

    /** Sum of the sink's measurement {@code gateway.log.kafka.<name>} over the tags that match. */
    static double value(LogSink sink, String name, String... tagPairs) {
        return sum(sink.measurements(), name, tagPairs);
    }

    static double value(LoggingStatistics stats, String name, String... tagPairs) {
        return sum(stats.measurements(), name, tagPairs);
    }

    private static double sum(List<Measurement> ms, String name, String... tagPairs) {
        return Measurements.sum(ms, "gateway.log.kafka." + name, tagPairs);
    }
}
