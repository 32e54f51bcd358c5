package io.gatewaylog.api.spi;

import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * A live counter or gauge published by the backend or a sink, read on demand (by the metrics sink,
 * for instance). Names are dotted and lower-case with base units, Micrometer-style:
 * {@code gateway.log.file.bytes.written}.
 *
 * @since 1.0
 */
public final class Measurement {

    /** How a value behaves over time. */
    public enum Kind {
        /** Only ever grows (reset at restart). */
        COUNTER,
        /** Goes up and down. */
        GAUGE
    }

    private final String name;
    private final Map<String, String> tags;
    private final Kind kind;
    private final String baseUnit;
    private final String description;
    private final DoubleSupplier value;

    private Measurement(
            String name,
            Map<String, String> tags,
            Kind kind,
            String baseUnit,
            String description,
            DoubleSupplier value) {
        this.name = Objects.requireNonNull(name, "name");
        this.tags = Map.copyOf(tags);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.baseUnit = baseUnit;
        this.description = description == null ? "" : description;
        this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * A counter: a value that only grows.
     *
     * @param name the dotted name
     * @param tags its tags (copied)
     * @param baseUnit {@code bytes}, {@code seconds}, {@code records}, or null
     * @param description what it counts (null for none)
     * @param value reads the current value (called from any thread, must not block)
     * @return the measurement
     */
    public static Measurement counter(
            String name, Map<String, String> tags, String baseUnit, String description, DoubleSupplier value) {
        return new Measurement(name, tags, Kind.COUNTER, baseUnit, description, value);
    }

    /**
     * A gauge: a value that goes up and down. The parameters are those of
     * {@link #counter(String, Map, String, String, DoubleSupplier)}.
     *
     * @return the measurement
     */
    public static Measurement gauge(
            String name, Map<String, String> tags, String baseUnit, String description, DoubleSupplier value) {
        return new Measurement(name, tags, Kind.GAUGE, baseUnit, description, value);
    }

    /** The dotted name, e.g. {@code gateway.log.file.bytes.written}. */
    public String name() {
        return name;
    }

    /** The tags (an unmodifiable copy; may be empty). */
    public Map<String, String> tags() {
        return tags;
    }

    /** Whether it is a counter or a gauge. */
    public Kind kind() {
        return kind;
    }

    /** The base unit ({@code bytes}, {@code seconds}, {@code records}) or null. */
    public String baseUnit() {
        return baseUnit;
    }

    /** What it measures, for a meter's description; never null. */
    public String description() {
        return description;
    }

    /** Reads the current value. */
    public double value() {
        return value.getAsDouble();
    }

    /** The value reader itself, for meter registries that poll. */
    public DoubleSupplier supplier() {
        return value;
    }

    @Override
    public String toString() {
        return name + tags + "=" + value();
    }
}
