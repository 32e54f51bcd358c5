package io.gatewaylog.slf4j.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides which component a bridged logger writes to, from its name: the longest configured prefix
 * that matches wins, anything else goes to the default component ({@code system} unless {@code *} is
 * configured). A prefix matches a name that equals it or continues it after a {@code '.'} or
 * {@code '$'}, as logger hierarchies do, so {@code com.acme.proto} does not catch {@code com.acme.protobuf}.
 */
public final class ComponentRouting {
    /** System property holding the table, e.g. {@code com.acme.proto=protocol,org.apache.http=infra}. */
    public static final String PROPERTY = "gateway.log.slf4j.components";
    /** Environment variable read when the system property is not set. */
    public static final String ENV = "GATEWAY_LOG_SLF4J_COMPONENTS";
    /** The prefix that sets the default component. */
    public static final String DEFAULT_PREFIX = "*";

    private static final String ALLOWED = "comma-separated <logger-prefix>=<component> pairs ('*' sets the default);"
            + " components: api, protocol, auth, infra, system, metrics";

    private final List<Route> routes; // longest prefix first
    private final LogComponent fallback;

    private ComponentRouting(List<Route> routes, LogComponent fallback) {
        this.routes = routes;
        this.fallback = fallback;
    }

    /** Reads the table from the system property, else the environment variable, else routes all to system. */
    public static ComponentRouting fromEnvironment() {
        String value = System.getProperty(PROPERTY);
        String key = PROPERTY;
        if (value == null) {
            value = System.getenv(ENV);
            key = ENV;
        }
        return parse(key, value);
    }

    /**
     * Parses a table such as {@code com.acme.proto=protocol, org.apache.http=infra, *=system}.
     *
     * @param key the setting's name, for the error message
     * @throws InvalidSettingException naming the setting, the value and what is allowed
     */
    public static ComponentRouting parse(String key, String value) {
        List<Route> routes = new ArrayList<>();
        LogComponent fallback = LogComponent.SYSTEM;
        if (value != null && !value.isBlank()) {
            for (String entry : value.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                String prefix = eq < 0 ? "" : entry.substring(0, eq).trim();
                if (prefix.isEmpty()) {
                    throw new InvalidSettingException(key, value, ALLOWED);
                }
                LogComponent component;
                try {
                    component =
                            LogComponent.parse(entry.substring(eq + 1).trim().toLowerCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new InvalidSettingException(key, value, ALLOWED);
                }
                if (prefix.equals(DEFAULT_PREFIX)) {
                    fallback = component;
                } else {
                    routes.removeIf(r -> r.prefix.equals(prefix)); // a later entry for the same prefix wins
                    routes.add(new Route(prefix, component));
                }
            }
        }
        routes.sort((a, b) -> Integer.compare(b.prefix.length(), a.prefix.length()));
        return new ComponentRouting(Collections.unmodifiableList(routes), fallback);
    }

    /** The component of the logger named {@code name} ({@code null} is taken as the root logger). */
    public LogComponent componentOf(String name) {
        if (name != null) {
            for (Route r : routes) {
                if (r.matches(name)) {
                    return r.component;
                }
            }
        }
        return fallback;
    }

    /** Every component some logger may be routed to. */
    public Set<LogComponent> components() {
        Set<LogComponent> all = EnumSet.of(fallback);
        routes.forEach(r -> all.add(r.component));
        return all;
    }

    /** The table as prefix to component id, longest prefix first, the default under {@code *}. */
    public Map<String, String> describe() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        routes.forEach(r -> out.put(r.prefix, r.component.id()));
        out.put(DEFAULT_PREFIX, fallback.id());
        return out;
    }

    private record Route(String prefix, LogComponent component) {
        boolean matches(String name) {
            if (!name.startsWith(prefix)) {
                return false;
            }
            if (name.length() == prefix.length()) {
                return true;
            }
            char next = name.charAt(prefix.length());
            char last = prefix.charAt(prefix.length() - 1);
            // A prefix already ending in a separator ("com.acme.") matches anything below it.
            return next == '.' || next == '$' || last == '.' || last == '$';
        }
    }
}
