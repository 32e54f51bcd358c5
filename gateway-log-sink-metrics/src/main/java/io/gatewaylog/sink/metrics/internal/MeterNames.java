package io.gatewaylog.sink.metrics.internal;

import java.util.Arrays;
import java.util.Locale;

/**
 * The names of the meters this module makes itself (the flush-latency timer and the refusal counter of
 * metric records), and the rule for passing a measurement's base unit on to Micrometer. The component
 * meters ({@code gateway.log.records.*}, {@code gateway.log.buffer.*}, ...) are not named here: they are
 * bound from {@code LoggingStatistics.measurements()}, whose catalogue the core owns.
 */
public final class MeterNames {
    /**
     * The per-component flush timer, fed by the flush listener: a {@code Measurement} is a polled counter
     * or gauge and cannot carry a timer's distribution, so this one meter stays the sink's own.
     */
    public static final String FLUSH_LATENCY = "gateway.log.flush.latency";

    public static final String REFUSED = "gateway.log.metrics.refused";

    public static final String COMPONENT = "component";
    public static final String REASON = "reason";

    private MeterNames() {}

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
