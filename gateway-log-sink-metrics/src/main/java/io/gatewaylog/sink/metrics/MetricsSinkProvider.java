package io.gatewaylog.sink.metrics;

import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LogSinkProvider;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.SettingParsers;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.api.spi.SinkContext;
import io.gatewaylog.sink.metrics.internal.MeterDestinations;
import io.gatewaylog.sink.metrics.internal.MetricsSink;
import io.gatewaylog.sink.metrics.internal.RecordMeters;
import io.micrometer.core.instrument.Metrics;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Provides the {@code metrics} sink, found by the backend with {@link java.util.ServiceLoader}: metric
 * records of the metrics component become Micrometer meters. Settings (all optional):
 * <ul>
 * <li>{@code sink.metrics.max.tag.sets} (default {@value #DEFAULT_MAX_TAG_SETS}): distinct tag sets per
 *     metric name; records with more are refused and counted in {@code gateway.log.metrics.refused};</li>
 * <li>{@code sink.metrics.max.names} (default {@value #DEFAULT_MAX_NAMES}): distinct metric names;</li>
 * <li>{@code sink.metrics.exclude.tags} (default {@value #DEFAULT_EXCLUDED_TAGS}): fields and context
 *     keys never used as tags (per-request ids would only exhaust the guard);</li>
 * <li>{@code sink.metrics.global.registry} (default true): publish to {@code Metrics.globalRegistry}
 *     until the application binds {@link GatewayLogMetrics} to a registry of its own.</li>
 * </ul>
 * The dashed spellings of 0.x ({@code sink.metrics.max-tag-sets} ...) are still read and reported as deprecated.
 *
 * @since 0.7
 */
public final class MetricsSinkProvider implements LogSinkProvider {
    /** Default of {@code sink.metrics.max.tag.sets}. */
    public static final int DEFAULT_MAX_TAG_SETS = 100;
    /** Default of {@code sink.metrics.max.names}. */
    public static final int DEFAULT_MAX_NAMES = 1000;
    /** Default of {@code sink.metrics.exclude.tags}. */
    public static final String DEFAULT_EXCLUDED_TAGS = "request_id,correlation_id,message_id,trace_id,span_id";

    /** Distinct tag sets per metric name; more are refused and counted. */
    static final SettingKey<Integer> MAX_TAG_SETS = SettingKey.builder(
                    "sink.metrics.max.tag.sets", SettingParsers.integer(1, 1_000_000))
            .defaultValue(String.valueOf(DEFAULT_MAX_TAG_SETS))
            .allowed("1–1000000")
            .deprecatedAlias("sink.metrics.max-tag-sets")
            .global()
            .build();
    /** Distinct metric names. */
    static final SettingKey<Integer> MAX_NAMES = SettingKey.builder(
                    "sink.metrics.max.names", SettingParsers.integer(1, 1_000_000))
            .defaultValue(String.valueOf(DEFAULT_MAX_NAMES))
            .allowed("1–1000000")
            .deprecatedAlias("sink.metrics.max-names")
            .global()
            .build();
    /** Fields and context keys never used as tags. */
    static final SettingKey<String> EXCLUDE_TAGS = SettingKey.builder(
                    "sink.metrics.exclude.tags", SettingParsers.string())
            .defaultValue(DEFAULT_EXCLUDED_TAGS)
            .allowed("a comma-separated list of names")
            .deprecatedAlias("sink.metrics.exclude-tags")
            .global()
            .build();
    /** Publish to {@code Metrics.globalRegistry} until the application binds a registry. */
    static final SettingKey<Boolean> GLOBAL_REGISTRY = SettingKey.builder(
                    "sink.metrics.global.registry", SettingParsers.bool())
            .defaultValue("true")
            .allowed("true or false")
            .deprecatedAlias("sink.metrics.global-registry")
            .global()
            .build();

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public MetricsSinkProvider() {}

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public List<SettingKey<?>> settings() {
        return List.of(MAX_TAG_SETS, MAX_NAMES, EXCLUDE_TAGS, GLOBAL_REGISTRY);
    }

    @Override
    public LogSink create(SinkContext context) {
        Settings s = context.settings();
        int maxTagSets = s.get(MAX_TAG_SETS);
        int maxNames = s.get(MAX_NAMES);
        Set<String> excluded = Arrays.stream(s.get(EXCLUDE_TAGS).split(","))
                .map(String::trim)
                .filter(k -> !k.isEmpty())
                .collect(Collectors.toSet());
        boolean global = s.get(GLOBAL_REGISTRY);
        MeterDestinations destinations = MeterDestinations.open(
                context.statistics(), global ? Metrics.globalRegistry : null, context.reporter());
        RecordMeters meters =
                new RecordMeters(destinations.records(), maxTagSets, maxNames, excluded, context.reporter());
        return new MetricsSink(meters, destinations);
    }
}
