package io.gatewaylog.api;

import java.util.Locale;

/**
 * Severity of a record, from the least to the most severe.
 *
 * @since 1.0
 */
public enum Level {
    /** The finest detail, for tracing a problem. */
    TRACE,
    /** Detail for developers. */
    DEBUG,
    /** Normal operation. */
    INFO,
    /** Something unexpected that the gateway survives. */
    WARN,
    /** A failure. */
    ERROR;

    /**
     * Parses a level name, ignoring case; {@code WARNING} is accepted for {@link #WARN}.
     *
     * @param name a level name such as {@code "info"}
     * @return the level
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static Level parse(String name) {
        if (name != null) {
            String n = name.trim().toUpperCase(Locale.ROOT);
            if (n.equals("WARNING")) {
                return WARN;
            }
            for (Level level : values()) {
                if (level.name().equals(n)) {
                    return level;
                }
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a level; allowed: TRACE, DEBUG, INFO, WARN, ERROR");
    }

    /**
     * Whether a record of this level passes a threshold of {@code threshold}.
     *
     * @param threshold the lowest level let through
     * @return true if this level is {@code threshold} or more severe
     */
    public boolean isAtLeast(Level threshold) {
        return ordinal() >= threshold.ordinal();
    }
}
