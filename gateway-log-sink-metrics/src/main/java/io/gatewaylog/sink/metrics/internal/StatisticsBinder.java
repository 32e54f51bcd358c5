package io.gatewaylog.sink.metrics.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Reporter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Binds one backend's self-statistics to any number of registries, and feeds their flush-latency timers
 * from a single flush listener (the SPI has no way to remove a listener, so there is one per binder,
 * however often it is bound). The listener also re-syncs the bindings now and then, so measurements that
 * appear after binding (a sink's, the retention job's, a new drop reason) are published too.
 */
public final class StatisticsBinder implements LoggingStatistics.FlushListener {
    /** How often flushes trigger a re-sync; the first flush always does. */
    static final long SYNC_INTERVAL_NANOS = Duration.ofSeconds(60).toNanos();

    private final LoggingStatistics statistics;
    private final Reporter reporter;
    private final List<StatisticsMeters> bindings = new CopyOnWriteArrayList<>();
    private final AtomicBoolean listening = new AtomicBoolean();
    private volatile long nextSyncNanos = System.nanoTime();

    public StatisticsBinder(LoggingStatistics statistics, Reporter reporter) {
        this.statistics = statistics;
        this.reporter = reporter;
    }

    public LoggingStatistics statistics() {
        return statistics;
    }

    /** Registers the meters in {@code registry}; binding the same registry again only re-syncs it. */
    public synchronized void bind(MeterRegistry registry) {
        for (StatisticsMeters b : bindings) {
            if (b.registry() == registry) {
                b.sync();
                return;
            }
        }
        StatisticsMeters meters = new StatisticsMeters(statistics, registry, reporter);
        meters.sync();
        bindings.add(meters);
        if (listening.compareAndSet(false, true)) {
            statistics.addFlushListener(this);
        }
    }

    /** Removes the meters from every registry this binder was bound to. */
    public synchronized void unbindAll() {
        for (StatisticsMeters b : bindings) {
            b.remove();
        }
        bindings.clear();
    }

    @Override
    public void onFlush(LogComponent component, int records, long nanos) {
        for (StatisticsMeters b : bindings) {
            b.recordFlush(component, nanos);
        }
        long now = System.nanoTime();
        if (now - nextSyncNanos >= 0) {
            // two writer threads may both pass here; a second sync finds nothing new
            nextSyncNanos = now + SYNC_INTERVAL_NANOS;
            for (StatisticsMeters b : bindings) {
                b.sync();
            }
        }
    }
}
