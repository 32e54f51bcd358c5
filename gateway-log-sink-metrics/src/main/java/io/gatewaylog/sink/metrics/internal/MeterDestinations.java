package io.gatewaylog.sink.metrics.internal;

import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Reporter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one backend's meters go. The metrics sink registers the meters it makes from metric records in
 * {@link #records()}, a composite that forwards to the destinations. Until the application binds
 * {@code GatewayLogMetrics} to a registry of its own, the destination is the default one
 * ({@code Metrics.globalRegistry}), which also gets the self-statistics; the first explicit binding
 * removes everything from the default registry and makes the application's registries the only
 * destinations. That way a registry reachable both directly and through the global composite (Spring
 * Boot's) never counts a flush or a metric record twice.
 *
 * <p>Found by the backend's {@link LoggingStatistics} instance, which is what both the sink (through its
 * {@code SinkContext}) and the application (through {@code GatewayLoggers.statistics()}) can name.
 */
public final class MeterDestinations {
    private static final Map<LoggingStatistics, MeterDestinations> OPEN = new IdentityHashMap<>();

    private final LoggingStatistics statistics;
    private final CompositeMeterRegistry records = new CompositeMeterRegistry();
    private MeterRegistry defaultRegistry;
    private StatisticsBinder defaultBinder;

    private MeterDestinations(LoggingStatistics statistics) {
        this.statistics = statistics;
    }

    /**
     * Opens the destinations of a backend's metrics sink.
     *
     * @param defaultRegistry where everything goes until the application binds a registry; null for none
     */
    public static MeterDestinations open(
            LoggingStatistics statistics, MeterRegistry defaultRegistry, Reporter reporter) {
        MeterDestinations d = new MeterDestinations(statistics);
        if (defaultRegistry != null) {
            d.defaultRegistry = defaultRegistry;
            d.defaultBinder = new StatisticsBinder(statistics, reporter);
            d.defaultBinder.bind(defaultRegistry);
            d.records.add(defaultRegistry);
        }
        synchronized (OPEN) {
            OPEN.put(statistics, d);
        }
        return d;
    }

    /** Makes {@code registry} a destination of the metrics sink of {@code statistics}' backend, if it has one. */
    public static void addRegistry(LoggingStatistics statistics, MeterRegistry registry) {
        MeterDestinations d;
        synchronized (OPEN) {
            d = OPEN.get(statistics);
        }
        if (d != null) {
            d.add(registry);
        }
    }

    /** The registry the sink registers record meters in. */
    public MeterRegistry records() {
        return records;
    }

    private synchronized void add(MeterRegistry registry) {
        releaseDefault();
        if (!records.getRegistries().contains(registry)) {
            records.add(registry); // existing record meters are added to it too
        }
    }

    private void releaseDefault() {
        if (defaultRegistry == null) {
            return;
        }
        defaultBinder.unbindAll();
        records.remove(defaultRegistry);
        // A composite added to a composite is flattened: the record meters live in its leaf registries,
        // and removing the composite from ours leaves them there, so they are removed leaf by leaf.
        List<MeterRegistry> leaves = new ArrayList<>();
        collectLeaves(defaultRegistry, leaves);
        for (Meter m : records.getMeters()) {
            for (MeterRegistry leaf : leaves) {
                leaf.removeByPreFilterId(m.getId());
            }
        }
        defaultRegistry = null;
        defaultBinder = null;
    }

    private static void collectLeaves(MeterRegistry registry, List<MeterRegistry> leaves) {
        if (registry instanceof CompositeMeterRegistry composite) {
            for (MeterRegistry child : composite.getRegistries()) {
                collectLeaves(child, leaves);
            }
        } else {
            leaves.add(registry);
        }
    }

    /** At the sink's close: leaves the default registry clean; the application's registries keep their meters. */
    public synchronized void close() {
        releaseDefault();
        synchronized (OPEN) {
            OPEN.remove(statistics, this);
        }
    }
}
