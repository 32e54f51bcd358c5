package io.gatewaylog.sink.metrics;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Measurement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Stands in for the file sink, the retention job and the Kafka sink (other modules): publishes their measurements under
 * the names they use, and fails its first write so that a sink error is counted.
 */
final class FileLikeSink implements LogSink {
    private final Map<LogComponent, LongAdder> bytes = new EnumMap<>(LogComponent.class);
    private final AtomicBoolean failedOnce = new AtomicBoolean();

    FileLikeSink() {
        for (LogComponent c : LogComponent.values()) {
            bytes.put(c, new LongAdder());
        }
    }

    @Override
    public String name() {
        return "file-like";
    }

    @Override
    public int write(List<LogRecord> batch) throws IOException {
        if (failedOnce.compareAndSet(false, true)) {
            throw new IOException("disk hiccup (test)");
        }
        for (LogRecord r : batch) {
            bytes.get(r.component()).add(r.toString().length());
        }
        return batch.size();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public List<Measurement> measurements() {
        List<Measurement> all = new ArrayList<>();
        for (LogComponent c : LogComponent.values()) {
            Map<String, String> tags = Map.of("component", c.id());
            LongAdder b = bytes.get(c);
            all.add(Measurement.counter("gateway.log.file.bytes.written", tags, "bytes", "Bytes written", b::sum));
            all.add(Measurement.counter("gateway.log.file.rotations", tags, "rotations", "Files rotated", () -> 0));
        }
        all.add(Measurement.gauge("gateway.log.disk.usage.ratio", Map.of(), "ratio", "Log disk usage", () -> 0.5));
        all.add(Measurement.gauge(
                "gateway.log.disk.threshold.ratio", Map.of(), "ratio", "Cleanup threshold", () -> 0.85));
        all.addAll(KafkaLikeMeasurements.all());
        return all;
    }
}
