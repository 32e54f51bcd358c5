package io.gatewaylog.sink.metrics.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Measurement;
import io.gatewaylog.api.spi.Reporter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The self-statistics of one backend registered in one registry: a meter for every measurement of
 * {@link LoggingStatistics#measurements()} (the core's component catalogue first, then the sinks' and
 * jobs' own), plus the flush-latency timers, the one meter a measurement cannot express. Every function
 * meter reads the live measurement (Micrometer holds the statistics weakly, the backend strongly).
 * {@link #sync()} adds what appeared since (a new drop reason, a sink's or job's measurements) and never
 * registers a series twice.
 */
final class StatisticsMeters {
    private final LoggingStatistics statistics;
    private final MeterRegistry registry;
    private final Reporter reporter;
    private final List<Meter> meters = new ArrayList<>();
    private final Set<String> registered = new HashSet<>();
    // A name keeps the tag keys of its first series: Prometheus refuses a second set, and elsewhere a
    // sink's copy of a core name (with a `sink` tag, say) would be the same numbers counted twice.
    private final Map<String, Set<String>> tagKeys = new HashMap<>();
    private final Set<String> reportedConflicts = new HashSet<>();
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
                registerTimer(c);
            }
        }
        for (Measurement m : statistics.measurements()) {
            if (registered.add(m.name() + new TreeMap<>(m.tags())) && sameTagKeys(m)) {
                register(m);
            }
        }
    }

    private boolean sameTagKeys(Measurement m) {
        Set<String> first =
                tagKeys.computeIfAbsent(m.name(), n -> Set.copyOf(m.tags().keySet()));
        if (first.equals(m.tags().keySet())) {
            return true;
        }
        if (reportedConflicts.add(m.name())) {
            reporter.warn("measurement '" + m.name() + "' has the tag keys "
                    + m.tags().keySet() + " and " + first + "; only the series with " + first + " are published");
        }
        return false;
    }

    private void register(Measurement m) {
        String description = m.description() + (m.baseUnit() == null ? "" : " (" + m.baseUnit() + ")");
        String unit = MeterNames.micrometerBaseUnit(m.name(), m.baseUnit());
        Tags tags = Tags.of(m.tags().entrySet().stream()
                .map(e -> Tag.of(e.getKey(), e.getValue()))
                .toList());
        // The lambdas hold the measurement strongly; Micrometer holds the statistics weakly.
        if (m.kind() == Measurement.Kind.COUNTER) {
            add(FunctionCounter.builder(m.name(), statistics, s -> m.value())
                    .tags(tags)
                    .baseUnit(unit)
                    .description(description));
        } else {
            add(Gauge.builder(m.name(), statistics, s -> m.value())
                    .tags(tags)
                    .baseUnit(unit)
                    .description(description));
        }
    }

    private void registerTimer(LogComponent c) {
        Timer timer = Timer.builder(MeterNames.FLUSH_LATENCY)
                .tag(MeterNames.COMPONENT, c.id())
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
            // e.g. Prometheus refusing a name already used by another meter: skip that one series
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
        tagKeys.clear();
        for (int i = 0; i < flushTimers.length(); i++) {
            flushTimers.set(i, null);
        }
    }
}
