package io.gatewaylog.api;

import java.util.Locale;

/**
 * The parts of a gateway that log separately: each has its own pipeline, files and retention.
 *
 * @since 1.0
 */
public enum LogComponent {
    /** The gateway's API endpoints. */
    API,
    /** Message protocol handling. */
    PROTOCOL,
    /** Authentication and authorisation events (written before the call returns; sent to syslog too). */
    AUTH,
    /** Infrastructure: connections, queues, storage. */
    INFRA,
    /** The gateway process itself. */
    SYSTEM,
    /** Metric records. */
    METRICS;

    private final String id = name().toLowerCase(Locale.ROOT);

    /**
     * The lower-case name used in records, directory names and setting keys.
     *
     * @return the id, e.g. {@code "api"}
     */
    public String id() {
        return id;
    }

    /**
     * Finds a component by its id or name, ignoring case.
     *
     * @param id an id such as {@code "api"} or a name such as {@code "API"}
     * @return the component
     * @throws IllegalArgumentException naming the value and the allowed ids
     */
    public static LogComponent parse(String id) {
        if (id != null) {
            for (LogComponent c : values()) {
                if (c.id.equalsIgnoreCase(id.trim())) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException(
                "'" + id + "' is not a component; allowed: api, protocol, auth, infra, system," + " metrics");
    }
}
