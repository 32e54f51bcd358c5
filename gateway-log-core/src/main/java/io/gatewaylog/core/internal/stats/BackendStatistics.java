package io.gatewaylog.core.internal.stats;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Measurement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** The backend's statistics: its pipelines' counters plus every sink's and job's own measurements. */
public final class BackendStatistics implements LoggingStatistics {
    private final Map<LogComponent, ComponentStatistics> components = new EnumMap<>(LogComponent.class);
    private final List<FlushListener> flushListeners = new CopyOnWriteArrayList<>();
    private final List<Supplier<List<Measurement>>> extra = new CopyOnWriteArrayList<>();
    private volatile List<LogSink> sinks = List.of();

    public void register(ComponentStatistics stats) {
        components.put(stats.component(), stats);
    }

    public void sinks(List<LogSink> all) {
        this.sinks = List.copyOf(all);
    }

    /** Adds measurements of a part that is not a sink (the retention job's disk usage). */
    public void addMeasurements(Supplier<List<Measurement>> source) {
        extra.add(source);
    }

    /** The live list the pipelines call after each flush. */
    public List<FlushListener> flushListeners() {
        return flushListeners;
    }

    @Override
    public ComponentStatistics component(LogComponent component) {
        ComponentStatistics s = components.get(component);
        return s != null ? s : LoggingStatistics.empty().component(component);
    }

    @Override
    public void addFlushListener(FlushListener listener) {
        flushListeners.add(listener);
    }

    @Override
    public List<Measurement> measurements() {
        List<Measurement> all = new ArrayList<>();
        for (ComponentStatistics s : components.values()) {
            Map<String, String> tags = Map.of("component", s.component().id());
            all.add(Measurement.counter("gateway.log.records.accepted", tags, "records",
                    "Records accepted from callers", s::accepted));
            for (Level level : Level.values()) {
                all.add(Measurement.counter("gateway.log.records",
                        Map.of("component", s.component().id(), "level", level.name()), "records",
                        "Records accepted from callers, by level", () -> s.accepted(level)));
            }
            all.add(Measurement.counter("gateway.log.records.written", tags, "records",
                    "Records taken by every sink of the component", s::written));
            for (String reason : s.dropped().keySet()) {
                all.add(Measurement.counter("gateway.log.records.dropped",
                        Map.of("component", s.component().id(), "reason", reason), "records",
                        "Records dropped, by reason", () -> s.dropped().getOrDefault(reason, 0L)));
            }
            all.add(Measurement.gauge("gateway.log.buffer.records", tags, "records",
                    "Records waiting in the buffer", s::buffered));
            all.add(Measurement.gauge("gateway.log.buffer.bytes", tags, "bytes",
                    "Estimated heap held by the buffered records", s::bufferedBytes));
            all.add(Measurement.gauge("gateway.log.buffer.capacity", tags, "records",
                    "The most records the buffer holds", s::capacity));
            all.add(Measurement.counter("gateway.log.sink.errors", tags, "errors",
                    "Failed sink writes and flushes", s::sinkErrors));
            all.add(Measurement.counter("gateway.log.flushes", tags, "flushes", "Flushes completed", s::flushes));
        }
        for (LogSink sink : sinks) {
            all.addAll(sink.measurements());
        }
        for (Supplier<List<Measurement>> source : extra) {
            all.addAll(source.get());
        }
        return all;
    }
}
