package io.gatewaylog.sink.metrics.internal;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.Reporter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns metric records into meters, guarding the registry: at most {@code maxNames} metric names and
 * {@code maxTagSets} tag sets per name. What it refuses is counted in {@code gateway.log.metrics.refused}
 * (tags {@code metric}, {@code reason}) and reported once per metric and reason.
 */
public final class RecordMeters {
    public static final String CARDINALITY = "cardinality";
    public static final String TOO_MANY_NAMES = "too_many_names";
    public static final String INVALID_NAME = "invalid_name";
    public static final String INVALID_VALUE = "invalid_value";
    public static final String INVALID_TYPE = "invalid_type";
    public static final String TYPE_CONFLICT = "type_conflict";
    public static final String REGISTRATION_FAILED = "registration_failed";
    public static final String ERROR = "error";
    /** The {@code metric} tag of refusals once {@code maxNames} names have been seen. */
    public static final String OTHER = "_other";

    private final MeterRegistry registry;
    private final int maxTagSets;
    private final int maxNames;
    private final Set<String> excludedTags;
    private final Reporter reporter;
    private final Map<String, MetricFamily> families = new ConcurrentHashMap<>();
    private final Map<String, Counter> refusedCounters = new ConcurrentHashMap<>();
    private final Set<String> refusedNames = ConcurrentHashMap.newKeySet();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public RecordMeters(
            MeterRegistry registry, int maxTagSets, int maxNames, Set<String> excludedTags, Reporter reporter) {
        this.registry = registry;
        this.maxTagSets = maxTagSets;
        this.maxNames = maxNames;
        this.excludedTags = Set.copyOf(excludedTags);
        this.reporter = reporter;
    }

    /** Records one metric record (a record without {@code metric_name}/{@code metric_value} is ignored). */
    public void record(LogRecord record) {
        if (!record.isMetric()) {
            return;
        }
        try {
            recordMetric(record);
        } catch (RuntimeException e) {
            // e.g. a field whose toString() throws: never let the core retry the batch (counters would
            // count twice), refuse this record only
            refuse(OTHER, ERROR, "a metric record could not be read: " + e);
        }
    }

    private void recordMetric(LogRecord record) {
        MetricSample sample = MetricSample.of(record, excludedTags);
        String name = sample.name();
        if (name.isEmpty()) {
            refuse(name, INVALID_NAME, "a metric record has an empty metric_name");
            return;
        }
        MeterKind requested = MeterKind.parse(sample.type());
        if (sample.type() != null && requested == null) {
            refuse(
                    name,
                    INVALID_TYPE,
                    "metric '" + name + "' has metric_type '" + sample.type()
                            + "'; allowed: gauge, counter, timer, distribution");
            return;
        }
        MetricFamily family = familyOf(sample, requested);
        if (family == null || refusedByFamily(family, sample, requested, record)) {
            return;
        }
        warnOfExtraTags(family, sample);
        recordIn(family, sample);
    }

    /**
     * The family of the sample's name, made on its first record (its kind, unit and tag keys are fixed
     * then); null, and refused, once {@code maxNames} names are in use.
     */
    private MetricFamily familyOf(MetricSample sample, MeterKind requested) {
        String name = sample.name();
        MetricFamily family = families.get(name);
        if (family != null) {
            return family;
        }
        if (families.size() >= maxNames) {
            refuse(
                    name,
                    TOO_MANY_NAMES,
                    "metric '" + name + "' is refused: sink.metrics.max-names=" + maxNames
                            + " metric names are in use");
            return null;
        }
        MeterKind kind = requested != null ? requested : MeterKind.byUnit(sample.unit());
        return families.computeIfAbsent(
                name,
                n -> new MetricFamily(
                        n, kind, sample.unit(), new ArrayList<>(sample.tags().keySet()), maxTagSets));
    }

    /** Refuses (and returns true for) a sample whose type or value its family cannot take. */
    private boolean refusedByFamily(MetricFamily family, MetricSample sample, MeterKind requested, LogRecord record) {
        String name = sample.name();
        if (requested != null && requested != family.kind()) {
            refuse(
                    name,
                    TYPE_CONFLICT,
                    "metric '" + name + "' is a " + family.kind().id() + "; records of it with metric_type '"
                            + sample.type() + "' are refused");
            return true;
        }
        if (!family.accepts(sample.value())) {
            refuse(
                    name,
                    INVALID_VALUE,
                    "metric '" + name + "' has a metric_value that a "
                            + family.kind().id() + " cannot take: "
                            + record.fields().get(LogRecord.METRIC_VALUE));
            return true;
        }
        return false;
    }

    /** Tag keys beyond the family's are left off (not refused), and reported once. */
    private void warnOfExtraTags(MetricFamily family, MetricSample sample) {
        if (family.tagKeys().containsAll(sample.tags().keySet())) {
            return;
        }
        String name = sample.name();
        List<String> extra = new ArrayList<>(sample.tags().keySet());
        extra.removeAll(family.tagKeys());
        reportOnce(
                name,
                "extra_tags",
                "metric '" + name + "' has the tag keys " + family.tagKeys()
                        + " (fixed by its first record, as Prometheus requires); other tags such as " + extra
                        + " are left off its meters");
    }

    private void recordIn(MetricFamily family, MetricSample sample) {
        String name = sample.name();
        try {
            if (!family.record(family.tags(sample), sample, registry)) {
                refuse(
                        name,
                        CARDINALITY,
                        "metric '" + name + "' has reached sink.metrics.max-tag-sets=" + maxTagSets
                                + " distinct tag sets; records with new tag sets are refused");
            }
        } catch (RuntimeException e) {
            refuse(name, REGISTRATION_FAILED, "metric '" + name + "' could not be registered: " + e.getMessage());
        }
    }

    private void refuse(String name, String reason, String message) {
        String tag = families.containsKey(name)
                        || refusedNames.contains(name)
                        || (refusedNames.size() < maxNames && refusedNames.add(name))
                ? name
                : OTHER;
        refusedCounters
                .computeIfAbsent(
                        tag + '\u0000' + reason,
                        k -> Counter.builder(MeterNames.REFUSED)
                                .tags("metric", tag, MeterNames.REASON, reason)
                                .description("Metric records not turned into meters, by metric and reason")
                                .register(registry))
                .increment();
        reportOnce(tag, reason, message + " (counted in " + MeterNames.REFUSED + ", reported once)");
    }

    private void reportOnce(String name, String reason, String message) {
        // bounded like the names themselves, so a flood of bad names cannot grow this set without end
        if (reported.size() < 8 * maxNames && reported.add(name + '\u0000' + reason)) {
            reporter.warn(message);
        }
    }
}
