package io.gatewaylog.sink.metrics.internal;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Measurement;
import io.gatewaylog.api.spi.Reporter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The self-statistics of one backend registered in one registry. Every function meter reads the live
 * {@link LoggingStatistics} (held weakly by Micrometer, strongly by the backend), so a component's
 * statistics may be registered by the backend after this binding was made. {@link #sync()} adds what
 * appeared since (a new drop reason, a sink's or job's measurements) and never registers a series twice.
 */
final class StatisticsMeters {
    private final LoggingStatistics statistics;
    private final MeterRegistry registry;
    private final Reporter reporter;
    private final List<Meter> meters = new ArrayList<>();
    private final Set<String> registered = new HashSet<>();
    private boolean removed;
    // read lock-free on the writer threads
    private final AtomicReferenceArray<Timer> flushTimers = new AtomicReferenceArray<>(LogComponent.values().length);

    StatisticsMeters(LoggingStatistics statistics, MeterRegistry registry, Reporter reporter) {
        this.statistics = statistics;
        this.registry = registry;
        this.reporter = reporter;
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Registers whatever is not registered yet. */
    synchronized void sync() {
        if (removed) {
            return; // a flush raced with unbinding: never re-register into a registry we left
        }
        for (LogComponent c : LogComponent.values()) {
            if (flushTimers.get(c.ordinal()) == null) {
                registerComponent(c);
            }
            Set<String> reasons = new LinkedHashSet<>(MeterNames.STANDARD_DROP_REASONS);
            reasons.addAll(statistics.component(c).dropped().keySet());
            for (String reason : reasons) {
                if (registered.add(MeterNames.DROPPED + c.id() + "/" + reason)) {
                    add(FunctionCounter.builder(MeterNames.DROPPED, statistics,
                                    s -> s.component(c).dropped().getOrDefault(reason, 0L))
                            .tags(MeterNames.COMPONENT, c.id(), MeterNames.REASON, reason)
                            .description("Records dropped, by reason (overflow, shutdown, sink_failure)"));
                }
            }
        }
        for (Measurement m : statistics.measurements()) {
            if (MeterNames.FROM_COMPONENT_STATISTICS.contains(m.name())
                    || !registered.add(m.name() + new TreeMap<>(m.tags()))) {
                continue;
            }
            String description = m.description() + (m.baseUnit() == null ? "" : " (" + m.baseUnit() + ")");
            String unit = MeterNames.micrometerBaseUnit(m.name(), m.baseUnit());
            Tags tags = Tags.of(m.tags().entrySet().stream()
                    .map(e -> io.micrometer.core.instrument.Tag.of(e.getKey(), e.getValue())).toList());
            // The lambdas hold the measurement strongly; Micrometer holds the statistics weakly.
            if (m.kind() == Measurement.Kind.COUNTER) {
                add(FunctionCounter.builder(m.name(), statistics, s -> m.value())
                        .tags(tags).baseUnit(unit).description(description));
            } else {
                add(Gauge.builder(m.name(), statistics, s -> m.value())
                        .tags(tags).baseUnit(unit).description(description));
            }
        }
    }

    private void registerComponent(LogComponent c) {
        String id = c.id();
        add(FunctionCounter.builder(MeterNames.ACCEPTED, statistics, s -> s.component(c).accepted())
                .tag(MeterNames.COMPONENT, id).description("Records accepted from callers (above the level)"));
        for (Level level : Level.values()) {
            add(FunctionCounter.builder(MeterNames.RECORDS, statistics, s -> s.component(c).accepted(level))
                    .tags(MeterNames.COMPONENT, id, MeterNames.LEVEL, level.name())
                    .description("Records accepted from callers, by level (error rates: level ERROR)"));
        }
        add(FunctionCounter.builder(MeterNames.WRITTEN, statistics, s -> s.component(c).written())
                .tag(MeterNames.COMPONENT, id).description("Records written by the sinks"));
        add(Gauge.builder(MeterNames.BUFFERED, statistics, s -> s.component(c).buffered())
                .tag(MeterNames.COMPONENT, id).description("Records waiting in the buffer now"));
        add(Gauge.builder(MeterNames.CAPACITY, statistics, s -> s.component(c).capacity())
                .tag(MeterNames.COMPONENT, id).description("The most records the buffer holds"));
        add(FunctionCounter.builder(MeterNames.SINK_ERRORS, statistics, s -> s.component(c).sinkErrors())
                .tag(MeterNames.COMPONENT, id).description("Failed sink writes and flushes, all sinks"));
        add(FunctionCounter.builder(MeterNames.FLUSHES, statistics, s -> s.component(c).flushes())
                .tag(MeterNames.COMPONENT, id).description("Flushes completed"));
        Timer timer = Timer.builder(MeterNames.FLUSH_LATENCY)
                .tag(MeterNames.COMPONENT, id)
                .description("Time to write and flush one batch to every sink")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        meters.add(timer);
        flushTimers.set(c.ordinal(), timer);
    }

    private void add(FunctionCounter.Builder<?> builder) {
        try {
            meters.add(builder.register(registry));
        } catch (RuntimeException e) {
            // e.g. Prometheus refusing a name already used with other tag keys: skip that one series
            reporter.error("a gateway-log meter could not be registered and is skipped", e);
        }
    }

    private void add(Gauge.Builder<?> builder) {
        try {
            meters.add(builder.register(registry));
        } catch (RuntimeException e) {
            reporter.error("a gateway-log meter could not be registered and is skipped", e);
        }
    }

    /** Called on a component's writer thread after each flush. */
    void recordFlush(LogComponent component, long nanos) {
        Timer timer = flushTimers.get(component.ordinal());
        if (timer != null) {
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Removes every meter this binding registered. */
    synchronized void remove() {
        removed = true;
        for (Meter m : meters) {
            registry.remove(m);
        }
        meters.clear();
        registered.clear();
        for (int i = 0; i < flushTimers.length(); i++) {
            flushTimers.set(i, null);
        }
    }
}
