package io.gatewaylog.core.internal;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LoggingBackend;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Levels set by component and by logger-name prefix, and the one rule that picks a logger's among them: the
 * longest name that covers its name (whole segments, as logger hierarchies match), else its component's. The
 * core's backend ({@link LevelOverrides}) and the Spring Boot starter's deferred backend (levels set before
 * the core starts) both keep their levels here, so that the two always agree. Not thread-safe: its owner
 * locks.
 */
public final class LevelTable {
    private final Map<LogComponent, Level> components = new EnumMap<>(LogComponent.class);
    /** Kept in the order first set; no result depends on the order (the longest name wins). */
    private final Map<String, Level> names = new LinkedHashMap<>();

    /** Sets (null: removes) a component's level. */
    public void set(LogComponent component, Level level) {
        Objects.requireNonNull(component, "component");
        if (level == null) {
            components.remove(component);
        } else {
            components.put(component, level);
        }
    }

    /**
     * Sets (null: removes) the level of a logger-name prefix.
     *
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public void set(String name, Level level) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a level is set for a logger name, and the name is blank");
        }
        if (level == null) {
            names.remove(name);
        } else {
            names.put(name, level);
        }
    }

    /** The level of the logger {@code name} of {@code component}, or null when nothing set covers it. */
    public Level levelOf(LogComponent component, String name) {
        String longest = null;
        for (String prefix : names.keySet()) {
            if ((longest == null || prefix.length() > longest.length()) && covers(prefix, name)) {
                longest = prefix;
            }
        }
        return longest != null ? names.get(longest) : components.get(component);
    }

    /** Sets every level of this table on {@code backend}: components first, then names. */
    public void applyTo(LoggingBackend backend) {
        components.forEach(backend::setLevel);
        names.forEach(backend::setLevel);
    }

    /**
     * Whole segments: {@code com.acme} covers {@code com.acme}, {@code com.acme.X} and {@code com.acme$X},
     * not {@code com.acmeX}; a prefix ending in {@code .} or {@code $} covers whatever starts with it.
     */
    public static boolean covers(String prefix, String name) {
        if (!name.startsWith(prefix)) {
            return false;
        }
        if (name.length() == prefix.length()) {
            return true;
        }
        char last = prefix.charAt(prefix.length() - 1);
        char next = name.charAt(prefix.length());
        return last == '.' || last == '$' || next == '.' || next == '$';
    }
}
