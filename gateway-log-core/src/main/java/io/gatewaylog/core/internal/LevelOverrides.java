package io.gatewaylog.core.internal;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The levels set on the backend as a whole ({@code LoggingBackend.setLevel}) rather than on one logger: by
 * component and by logger name prefix. A logger's level is the longest name set that covers its name (whole
 * segments, as logger hierarchies match), else its component's, else the settings' level of the component.
 * The backend makes its loggers and applies changes under this table's lock, so a logger made while a level
 * changes cannot miss the change; the work happens when a level is set or a logger is made, never on a log
 * call.
 */
public final class LevelOverrides {
    private final Function<LogComponent, Level> configured;
    private final Map<LogComponent, Level> components = new EnumMap<>(LogComponent.class);
    private final Map<String, Level> names = new HashMap<>();

    /** @param configured the settings' level of each component */
    public LevelOverrides(Function<LogComponent, Level> configured) {
        this.configured = configured;
    }

    /**
     * The logger of {@code component} named {@code name} in {@code loggers} (keyed by both), made by
     * {@code make} with its level if there is none: under this table's lock, once per logger, so that a level
     * set meanwhile reaches it.
     */
    public <L extends GatewayLogger> L logger(
            Map<String, L> loggers, LogComponent component, String name, Function<Level, L> make) {
        String key = Objects.requireNonNull(component, "component").ordinal() + ":" + name;
        L logger = loggers.get(key);
        if (logger != null) {
            return logger;
        }
        synchronized (this) {
            return loggers.computeIfAbsent(key, k -> make.apply(levelOf(component, name)));
        }
    }

    private Level levelOf(LogComponent component, String name) {
        Level byName = null;
        int longest = -1;
        for (Map.Entry<String, Level> e : names.entrySet()) {
            String prefix = e.getKey();
            if (prefix.length() > longest && covers(prefix, name)) {
                byName = e.getValue();
                longest = prefix.length();
            }
        }
        if (byName != null) {
            return byName;
        }
        Level c = components.get(component);
        return c != null ? c : configured.apply(component);
    }

    /** Sets (null: removes) a component's level and gives it to the loggers of that component; true. */
    public synchronized boolean set(LogComponent component, Level level, Collection<? extends GatewayLogger> loggers) {
        Objects.requireNonNull(component, "component");
        if (level == null) {
            components.remove(component);
        } else {
            components.put(component, level);
        }
        for (GatewayLogger l : loggers) {
            if (l.component() == component) {
                l.setLevel(levelOf(component, l.name()));
            }
        }
        return true;
    }

    /** Sets (null: removes) the level of a name prefix and gives the loggers it covers their level again; true. */
    public synchronized boolean set(String name, Level level, Collection<? extends GatewayLogger> loggers) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a level is set for a logger name, and the name is blank");
        }
        if (level == null) {
            names.remove(name);
        } else {
            names.put(name, level);
        }
        for (GatewayLogger l : loggers) {
            if (covers(name, l.name())) {
                l.setLevel(levelOf(l.component(), l.name()));
            }
        }
        return true;
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
