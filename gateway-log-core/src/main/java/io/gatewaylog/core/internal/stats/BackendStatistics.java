package io.gatewaylog.core.internal.stats;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The backend's statistics: its pipelines' counters (published through the {@link ComponentMeasurements}
 * catalogue) plus every sink's and job's own measurements.
 */
public final class BackendStatistics implements LoggingStatistics {
    // by ordinal; registered at start-up while a metrics registry bound early may already read them
    private final AtomicReferenceArray<ComponentStatistics> components =
            new AtomicReferenceArray<>(LogComponent.values().length);
    private final List<FlushListener> flushListeners = new CopyOnWriteArrayList<>();
    private final List<Supplier<List<Measurement>>> extra = new CopyOnWriteArrayList<>();
    private volatile List<LogSink> sinks = List.of();

    public void register(ComponentStatistics stats) {
        components.set(stats.component().ordinal(), stats);
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
        ComponentStatistics s = components.get(component.ordinal());
        return s != null ? s : LoggingStatistics.empty().component(component);
    }

    @Override
    public void addFlushListener(FlushListener listener) {
        flushListeners.add(listener);
    }

    /** The component catalogue first (so its names keep their tag keys), then every sink's and job's own. */
    @Override
    public List<Measurement> measurements() {
        List<Measurement> all = new ArrayList<>(ComponentMeasurements.of(this));
        for (LogSink sink : sinks) {
            all.addAll(sink.measurements());
        }
        for (Supplier<List<Measurement>> source : extra) {
            all.addAll(source.get());
        }
        return all;
    }
}
