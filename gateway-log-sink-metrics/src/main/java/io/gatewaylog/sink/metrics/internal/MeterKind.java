package io.gatewaylog.sink.metrics.internal;

import java.util.Locale;
import java.util.Map;

/**
 * The meter a metric record feeds. Given by {@code metric_type}, or else chosen by {@code metric_unit}: a
 * time unit makes a timer, anything else (or no unit) a gauge, because the gateway's metric records
 * mostly carry readings it has already aggregated ({@code msgs/sec}, queue depths, percentages), which
 * a gauge shows as they are. A counter (the value is an increment) or a distribution (each value is one
 * observation) must be asked for.
 */
public enum MeterKind {
    GAUGE,
    COUNTER,
    TIMER,
    DISTRIBUTION;

    /** Nanoseconds per unit, for the time units a timer understands (case-insensitive). */
    private static final Map<String, Double> NANOS_PER_UNIT = Map.ofEntries(
            Map.entry("ns", 1d),
            Map.entry("nanos", 1d),
            Map.entry("nanosecond", 1d),
            Map.entry("nanoseconds", 1d),
            Map.entry("us", 1e3),
            Map.entry("\u00b5s", 1e3),
            Map.entry("micros", 1e3),
            Map.entry("microsecond", 1e3),
            Map.entry("microseconds", 1e3),
            Map.entry("ms", 1e6),
            Map.entry("millis", 1e6),
            Map.entry("millisecond", 1e6),
            Map.entry("milliseconds", 1e6),
            Map.entry("s", 1e9),
            Map.entry("sec", 1e9),
            Map.entry("secs", 1e9),
            Map.entry("second", 1e9),
            Map.entry("seconds", 1e9),
            Map.entry("min", 60e9),
            Map.entry("mins", 60e9),
            Map.entry("minute", 60e9),
            Map.entry("minutes", 60e9),
            Map.entry("h", 3600e9),
            Map.entry("hour", 3600e9),
            Map.entry("hours", 3600e9));

    /** A timer's value without a time unit is taken as milliseconds, the unit gateways report latencies in. */
    static final double DEFAULT_TIMER_NANOS_PER_UNIT = 1e6;

    /**
     * The kind named by {@code type} (gauge, counter, timer, distribution; case-insensitive), or null if
     * {@code type} names none.
     */
    public static MeterKind parse(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "gauge" -> GAUGE;
            case "counter" -> COUNTER;
            case "timer" -> TIMER;
            case "distribution", "summary", "histogram" -> DISTRIBUTION;
            default -> null;
        };
    }

    /** The kind for a record without {@code metric_type}: a timer for a time unit, else a gauge. */
    public static MeterKind byUnit(String unit) {
        return nanosPerUnit(unit) > 0 ? TIMER : GAUGE;
    }

    /** Nanoseconds per {@code unit}, or 0 if it is not a time unit. */
    public static double nanosPerUnit(String unit) {
        if (unit == null) {
            return 0;
        }
        Double n = NANOS_PER_UNIT.get(unit.trim().toLowerCase(Locale.ROOT));
        return n == null ? 0 : n;
    }

    /** The metric_type value that names this kind. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
