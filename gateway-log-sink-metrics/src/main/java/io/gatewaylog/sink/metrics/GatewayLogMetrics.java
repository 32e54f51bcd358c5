package io.gatewaylog.sink.metrics;

import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.sink.metrics.internal.MeterDestinations;
import io.gatewaylog.sink.metrics.internal.StatisticsBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * Publishes gateway-log's meters in the registries it is bound to:
 * <pre>{@code
 * GatewayLogMetrics.create().bindTo(prometheusRegistry);
 * }</pre>
 * Every measurement of {@link LoggingStatistics#measurements()}: per component (tag {@code component}),
 * the core's catalogue {@code gateway.log.records} (tag {@code level}, TRACE to ERROR: error rates),
 * {@code gateway.log.records.accepted}, {@code .written} (taken by every sink that accepts the component),
 * {@code .dropped} (tag {@code reason}), {@code gateway.log.buffer.*}, {@code gateway.log.sink.errors},
 * {@code gateway.log.flushes}; then the sinks' and background jobs' own (bytes written, rotations, disk
 * usage, ...), with their own names and tags. The timer {@code gateway.log.flush.latency} (percentiles
 * 0.5, 0.95, 0.99) is this binder's own.
 *
 * <p>A registry this is bound to also receives the meters the {@code metrics} sink makes from metric
 * records. Until the application binds one, the sink publishes everything to
 * {@link io.micrometer.core.instrument.Metrics#globalRegistry}; the first binding moves it all to the
 * application's registries (see {@code docs/gateway-log-sink-metrics.md}). Bind each registry once;
 * binding the same instance to the same registry again is harmless.
 *
 * @since 0.7
 */
public final class GatewayLogMetrics implements MeterBinder {
    private final LoggingStatistics statistics;
    private final StatisticsBinder binder;

    private GatewayLogMetrics(LoggingStatistics statistics) {
        this.statistics = statistics;
        this.binder = new StatisticsBinder(statistics, Reporter.stderr());
    }

    /** The meters of the backend behind {@link GatewayLoggers} (started by this call if need be). */
    public static GatewayLogMetrics create() {
        return create(GatewayLoggers.statistics());
    }

    /** The meters of a given backend's statistics (e.g. one built with {@code GatewayLogBackend.builder()}). */
    public static GatewayLogMetrics create(LoggingStatistics statistics) {
        return new GatewayLogMetrics(Objects.requireNonNull(statistics, "statistics"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        // first route the record meters (which ends the default global binding), then add our own
        MeterDestinations.addRegistry(statistics, registry);
        binder.bind(registry);
    }
}
