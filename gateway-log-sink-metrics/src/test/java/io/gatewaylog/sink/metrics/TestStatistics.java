package io.gatewaylog.sink.metrics;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Measurement;
import io.gatewaylog.core.internal.stats.ComponentMeasurements;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hand-driven {@link LoggingStatistics}: tests set the counters and fire flushes themselves. Its
 * measurements are the core's catalogue over these counters, plus what a test adds.
 */
final class TestStatistics implements LoggingStatistics {
    final Map<LogComponent, Counters> components = new EnumMap<>(LogComponent.class);
    final List<Measurement> measurements = new CopyOnWriteArrayList<>();
    final List<FlushListener> listeners = new CopyOnWriteArrayList<>();

    TestStatistics() {
        for (LogComponent c : LogComponent.values()) {
            components.put(c, new Counters(c));
        }
    }

    Counters of(LogComponent c) {
        return components.get(c);
    }

    /** Adds the measurements the file sink, the syslog sink and the retention job publish. */
    TestStatistics withSinkMeasurements() {
        for (LogComponent c : LogComponent.values()) {
            Map<String, String> tags = Map.of("component", c.id());
            measurements.add(
                    Measurement.counter("gateway.log.file.bytes.written", tags, "bytes", "Bytes written", () -> 4096));
            measurements.add(
                    Measurement.counter("gateway.log.file.rotations", tags, "rotations", "Rotations", () -> 2));
            measurements.add(Measurement.counter(
                    "gateway.log.file.compression.time",
                    tags,
                    "seconds",
                    "Time spent compressing rotated files",
                    () -> 0.25));
        }
        measurements.add(
                Measurement.counter("gateway.log.syslog.reconnects", Map.of(), "reconnects", "Reconnects", () -> 3));
        measurements.add(
                Measurement.counter("gateway.log.syslog.failovers", Map.of(), "failovers", "Failovers", () -> 1));
        measurements.add(
                Measurement.gauge("gateway.log.disk.usage.ratio", Map.of(), "ratio", "Log disk usage", () -> 0.42));
        measurements.add(Measurement.gauge(
                "gateway.log.disk.threshold.ratio", Map.of(), "ratio", "Emergency cleanup threshold", () -> 0.85));
        return this;
    }

    void flush(LogComponent c, int records, long nanos) {
        for (FlushListener l : listeners) {
            l.onFlush(c, records, nanos);
        }
    }

    @Override
    public ComponentStatistics component(LogComponent component) {
        return components.get(component);
    }

    @Override
    public List<Measurement> measurements() {
        // as the core's statistics do: its component catalogue first, then the sinks' own
        List<Measurement> all = new ArrayList<>(ComponentMeasurements.of(this));
        all.addAll(measurements);
        return all;
    }

    @Override
    public void addFlushListener(FlushListener listener) {
        listeners.add(listener);
    }

    /** Settable counters of one component. */
    static final class Counters implements ComponentStatistics {
        private final LogComponent component;
        volatile long accepted;
        volatile long written;
        volatile int buffered;
        volatile int capacity = 1000;
        volatile long sinkErrors;
        volatile long flushes;
        final Map<String, Long> dropped = new ConcurrentHashMap<>();
        /** Accepted by level; null: answer as statistics that do not count by level (the SPI's default). */
        volatile Map<Level, Long> byLevel;

        Counters(LogComponent component) {
            this.component = component;
        }

        @Override
        public LogComponent component() {
            return component;
        }

        @Override
        public long accepted() {
            return accepted;
        }

        @Override
        public long written() {
            return written;
        }

        @Override
        public long accepted(Level level) {
            Map<Level, Long> m = byLevel;
            return m == null ? ComponentStatistics.super.accepted(level) : m.getOrDefault(level, 0L);
        }

        @Override
        public Map<String, Long> dropped() {
            return new TreeMap<>(dropped);
        }

        @Override
        public long droppedTotal() {
            return dropped.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public int buffered() {
            return buffered;
        }

        @Override
        public int capacity() {
            return capacity;
        }

        @Override
        public long sinkErrors() {
            return sinkErrors;
        }

        @Override
        public long flushes() {
            return flushes;
        }
    }
}
