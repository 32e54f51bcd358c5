package io.gatewaylog.sink.metrics.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

/**
 * The meters of one metric name. Its kind, unit and tag keys are fixed by its first accepted record:
 * Prometheus requires every series of a name to have the same label names, so a later record's missing
 * tags become empty values (which Prometheus treats as absent) and its extra tags are ignored. Holds at
 * most {@code maxTagSets} distinct tag sets (the cardinality guard).
 */
final class MetricFamily {
    private final String name;
    private final MeterKind kind;
    private final String unit;
    private final List<String> tagKeys;
    private final int maxTagSets;
    private final Map<Tags, DoubleConsumer> meters = new ConcurrentHashMap<>();

    MetricFamily(String name, MeterKind kind, String unit, List<String> tagKeys, int maxTagSets) {
        this.name = name;
        this.kind = kind;
        this.unit = unit;
        this.tagKeys = List.copyOf(tagKeys);
        this.maxTagSets = maxTagSets;
    }

    MeterKind kind() {
        return kind;
    }

    List<String> tagKeys() {
        return tagKeys;
    }

    /** Whether {@code value} can be recorded: finite, and not negative for anything but a gauge. */
    boolean accepts(double value) {
        return Double.isFinite(value) && (kind == MeterKind.GAUGE || value >= 0);
    }

    /** The sample's tags, restricted to this family's keys. */
    Tags tags(MetricSample sample) {
        List<Tag> tags = new ArrayList<>(tagKeys.size());
        for (String key : tagKeys) {
            tags.add(Tag.of(key, sample.tags().getOrDefault(key, "")));
        }
        return Tags.of(tags);
    }

    /**
     * Records the sample's value under {@code tags}; false if the guard refused a new tag set.
     *
     * @throws RuntimeException if the registry refuses the meter (e.g. a name it already has as another type)
     */
    boolean record(Tags tags, MetricSample sample, MeterRegistry registry) {
        DoubleConsumer meter = meters.get(tags);
        if (meter == null) {
            synchronized (this) {
                meter = meters.get(tags);
                if (meter == null) {
                    if (meters.size() >= maxTagSets) {
                        return false;
                    }
                    meter = register(tags, registry);
                    meters.put(tags, meter);
                }
            }
        }
        double value = sample.value();
        if (kind == MeterKind.TIMER) {
            double perUnit = MeterKind.nanosPerUnit(sample.unit());
            if (perUnit == 0) {
                perUnit = MeterKind.nanosPerUnit(unit);
            }
            value *= perUnit == 0 ? MeterKind.DEFAULT_TIMER_NANOS_PER_UNIT : perUnit;
        }
        meter.accept(value);
        return true;
    }

    private DoubleConsumer register(Tags tags, MeterRegistry registry) {
        // The unit goes into the description, not the base unit: Prometheus would append it to the name
        // (msgs/sec cannot even be part of one), and a metric's name should be what the gateway logged.
        String description = "gateway metric record" + (unit == null ? "" : " (unit: " + unit + ")");
        switch (kind) {
            case COUNTER -> {
                Counter c = Counter.builder(name)
                        .tags(tags)
                        .description(description)
                        .register(registry);
                return c::increment;
            }
            case TIMER -> {
                Timer t =
                        Timer.builder(name).tags(tags).description(description).register(registry);
                return nanos -> t.record(Math.round(nanos), TimeUnit.NANOSECONDS);
            }
            case DISTRIBUTION -> {
                DistributionSummary d = DistributionSummary.builder(name)
                        .tags(tags)
                        .description(description)
                        .register(registry);
                return d::record;
            }
            default -> {
                GaugeValue holder = new GaugeValue();
                Gauge.builder(name, holder, GaugeValue::get)
                        .tags(tags)
                        .description(description)
                        .strongReference(true)
                        .register(registry);
                return holder::set;
            }
        }
    }

    /** A gauge's last value. */
    private static final class GaugeValue {
        private volatile double value;

        double get() {
            return value;
        }

        void set(double v) {
            value = v;
        }
    }
}
