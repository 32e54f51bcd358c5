package io.gatewaylog.sink.metrics.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names of the meters this module publishes itself, and the rule for passing a measurement's base
 * unit on to Micrometer.
 */
public final class MeterNames {
    /** Records accepted, by component and level ({@code gateway_log_records_total{component,level}}). */
    public static final String RECORDS = "gateway.log.records";
    public static final String ACCEPTED = "gateway.log.records.accepted";
    public static final String WRITTEN = "gateway.log.records.written";
    public static final String DROPPED = "gateway.log.records.dropped";
    public static final String BUFFERED = "gateway.log.buffer.records";
    public static final String CAPACITY = "gateway.log.buffer.capacity";
    public static final String SINK_ERRORS = "gateway.log.sink.errors";
    public static final String FLUSHES = "gateway.log.flushes";
    public static final String FLUSH_LATENCY = "gateway.log.flush.latency";
    public static final String REFUSED = "gateway.log.metrics.refused";

    public static final String COMPONENT = "component";
    public static final String REASON = "reason";
    /** The level tag's values are the level names as records carry them: TRACE, DEBUG, INFO, WARN, ERROR. */
    public static final String LEVEL = "level";

    /** Drop reasons the core always counts, published even while they are zero so alerts have a series. */
    public static final List<String> STANDARD_DROP_REASONS = List.of("overflow", "shutdown", "sink_failure");

    /**
     * Names published from {@code ComponentStatistics}; a backend's measurements with these names are the
     * same numbers and are skipped, so a series never appears twice (or with two tag-key sets, which
     * Prometheus refuses).
     */
    public static final Set<String> FROM_COMPONENT_STATISTICS =
            Set.of(RECORDS, ACCEPTED, WRITTEN, DROPPED, BUFFERED, CAPACITY, SINK_ERRORS, FLUSHES, FLUSH_LATENCY);

    private MeterNames() {
    }

    /**
     * The base unit handed to Micrometer for a measurement, or null. Only real base units ({@code bytes},
     * {@code seconds}) are kept, and only when the name does not already say it: Prometheus appends the
     * unit to the name, and {@code gateway.log.file.bytes.written} must stay
     * {@code gateway_log_file_bytes_written_total}, not {@code ..._written_bytes_total}. Counting units
     * ({@code records}, {@code errors}) would only lengthen the names, so they go into the description.
     */
    public static String micrometerBaseUnit(String name, String unit) {
        if (unit == null) {
            return null;
        }
        String u = unit.toLowerCase(Locale.ROOT);
        if (!u.equals("bytes") && !u.equals("seconds")) {
            return null;
        }
        return Arrays.asList(name.split("\\.")).contains(u) ? null : u;
    }
}
