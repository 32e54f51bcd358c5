package io.gatewaylog.sink.metrics.internal;

import io.gatewaylog.api.LogRecord;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a metric record says, read leniently: the value may be a number or numeric text; tags are the
 * record's context fields, then its own fields (which win on a clash), with scalar values as text.
 * Nulls and nested values (maps, lists, arrays) cannot be tags and are skipped, as are excluded keys.
 *
 * @param name the metric's name, trimmed; empty if missing
 * @param value its value; NaN if missing or not a number
 * @param unit {@code metric_unit}, or null
 * @param type {@code metric_type}, or null
 * @param tags tag key to value, sorted by key
 */
public record MetricSample(String name, double value, String unit, String type, Map<String, String> tags) {
    private static final Set<String> METRIC_KEYS =
            Set.of(LogRecord.METRIC_NAME, LogRecord.METRIC_VALUE, LogRecord.METRIC_UNIT, LogRecord.METRIC_TYPE);

    /** Reads a metric record. */
    public static MetricSample of(LogRecord record, Set<String> excludedTags) {
        Map<String, Object> fields = record.fields();
        Map<String, String> tags = new TreeMap<>();
        record.context().forEach((k, v) -> putTag(tags, k, v, excludedTags));
        fields.forEach((k, v) -> putTag(tags, k, v, excludedTags));
        Object name = fields.get(LogRecord.METRIC_NAME);
        return new MetricSample(
                name == null ? "" : String.valueOf(name).trim(),
                number(fields.get(LogRecord.METRIC_VALUE)),
                text(fields.get(LogRecord.METRIC_UNIT)),
                text(fields.get(LogRecord.METRIC_TYPE)),
                tags);
    }

    private static void putTag(Map<String, String> tags, String key, Object value, Set<String> excludedTags) {
        if (key == null
                || key.isBlank()
                || value == null
                || METRIC_KEYS.contains(key)
                || excludedTags.contains(key)
                || value instanceof Map
                || value instanceof Collection
                || value instanceof Iterable
                || value.getClass().isArray()) {
            return;
        }
        tags.put(key, String.valueOf(value));
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof CharSequence s) {
            try {
                return Double.parseDouble(s.toString().trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value).trim();
        return s.isEmpty() ? null : s;
    }
}
