package io.gatewaylog.core.internal.stats;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.api.spi.DropReason;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The component meter catalogue: the one place that names, tags, types, units and describes the
 * measurements made from {@link ComponentStatistics}. The metrics sink binds whatever this publishes and
 * names none of it; the Grafana dashboard and alerts in {@code docs/} read these names.
 *
 * <p>Every component is published, whether or not its pipeline is registered yet, and every value is
 * looked up at each read ({@code statistics.component(c)}): a registry bound while the backend is still
 * starting (the metrics sink's default registry is bound before the pipelines exist) reads the real
 * counters as soon as they are registered.
 */
public final class ComponentMeasurements {
    /** The tag that names the component, on every measurement of the catalogue. */
    public static final String COMPONENT = "component";

    private ComponentMeasurements() {}

    /** The catalogue of every component of {@code statistics}, component by component. */
    public static List<Measurement> of(LoggingStatistics statistics) {
        List<Measurement> all = new ArrayList<>();
        for (LogComponent c : LogComponent.values()) {
            addComponent(all, statistics, c);
        }
        return all;
    }

    private static void addComponent(List<Measurement> all, LoggingStatistics statistics, LogComponent c) {
        Map<String, String> tags = Map.of(COMPONENT, c.id());
        addRecordCounters(all, statistics, c, tags);
        addBufferGauges(all, statistics, c, tags);
        addSinkCounters(all, statistics, c, tags);
    }

    /** Records accepted (in all and by level), written and dropped (by reason). */
    private static void addRecordCounters(
            List<Measurement> all, LoggingStatistics statistics, LogComponent c, Map<String, String> tags) {
        all.add(counter(
                "gateway.log.records.accepted",
                tags,
                "records",
                "Records accepted from callers, above the level",
                statistics,
                c,
                ComponentStatistics::accepted));
        for (Level level : Level.values()) {
            all.add(counter(
                    "gateway.log.records",
                    Map.of(COMPONENT, c.id(), "level", level.name()),
                    "records",
                    "Records accepted from callers, by level; error rates: level ERROR",
                    statistics,
                    c,
                    s -> s.accepted(level)));
        }
        all.add(counter(
                "gateway.log.records.written",
                tags,
                "records",
                "Records taken by every sink that accepts the component",
                statistics,
                c,
                ComponentStatistics::written));
        for (String reason : reasons(statistics.component(c))) {
            all.add(counter(
                    "gateway.log.records.dropped",
                    Map.of(COMPONENT, c.id(), "reason", reason),
                    "records",
                    "Records dropped, by reason",
                    statistics,
                    c,
                    s -> s.dropped().getOrDefault(reason, 0L)));
        }
    }

    /** What the buffer holds now, in records and bytes, and the most it holds. */
    private static void addBufferGauges(
            List<Measurement> all, LoggingStatistics statistics, LogComponent c, Map<String, String> tags) {
        all.add(gauge(
                "gateway.log.buffer.records",
                tags,
                "records",
                "Records waiting in the buffer now",
                statistics,
                c,
                ComponentStatistics::buffered));
        all.add(gauge(
                "gateway.log.buffer.bytes",
                tags,
                "bytes",
                "Estimated heap held by the buffered records",
                statistics,
                c,
                ComponentStatistics::bufferedBytes));
        all.add(gauge(
                "gateway.log.buffer.capacity",
                tags,
                "records",
                "The most records the buffer holds",
                statistics,
                c,
                ComponentStatistics::capacity));
    }

    /** Failed sink writes and completed flushes. */
    private static void addSinkCounters(
            List<Measurement> all, LoggingStatistics statistics, LogComponent c, Map<String, String> tags) {
        all.add(counter(
                "gateway.log.sink.errors",
                tags,
                "errors",
                "Failed sink writes and flushes, all sinks",
                statistics,
                c,
                ComponentStatistics::sinkErrors));
        all.add(counter(
                "gateway.log.flushes",
                tags,
                "flushes",
                "Flushes completed",
                statistics,
                c,
                ComponentStatistics::flushes));
    }

    /** Every standard reason (at zero until it happens), then any other the statistics count. */
    private static Set<String> reasons(ComponentStatistics stats) {
        Set<String> reasons = new LinkedHashSet<>();
        for (DropReason r : DropReason.values()) {
            reasons.add(r.wireName());
        }
        reasons.addAll(stats.dropped().keySet());
        return reasons;
    }

    private static Measurement counter(
            String name,
            Map<String, String> tags,
            String unit,
            String description,
            LoggingStatistics statistics,
            LogComponent c,
            ToDoubleFunction<ComponentStatistics> value) {
        return Measurement.counter(name, tags, unit, description, () -> value.applyAsDouble(statistics.component(c)));
    }

    private static Measurement gauge(
            String name,
            Map<String, String> tags,
            String unit,
            String description,
            LoggingStatistics statistics,
            LogComponent c,
            ToDoubleFunction<ComponentStatistics> value) {
        return Measurement.gauge(name, tags, unit, description, () -> value.applyAsDouble(statistics.component(c)));
    }
}
