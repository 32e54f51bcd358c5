package io.gatewaylog.spring.internal;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Boot's logger names and levels over gateway-log's loggers. gateway-log's loggers have no hierarchy, so this
 * keeps the levels Boot configured and works out each logger's level from them, the way Logback does:
 * the longest configured prefix of the logger's name (whole segments), else {@code gateway.<component>}, else
 * {@code ROOT}, else the level the settings gave the component. It sees every logger because the backend it
 * is handed ({@link DeferredBackend}) reports each new one; the work happens once per logger,
 * never on a log call.
 */
public final class LevelControl {
    /** Boot's name of the root logger. */
    public static final String ROOT = "ROOT";
    /** The prefix of a component's Boot name, {@code gateway.api} and so on. */
    public static final String COMPONENT_PREFIX = "gateway.";

    private static final LevelControl INSTANCE = new LevelControl();

    private final Map<GatewayLogger, Boolean> known = new ConcurrentHashMap<>();
    private final Map<String, Level> configured = new TreeMap<>();
    private final Map<LogComponent, Level> componentBase = new EnumMap<>(LogComponent.class);

    private LevelControl() {}

    /** The one table, shared by the logging system and the backend provider that ServiceLoader makes. */
    public static LevelControl instance() {
        return INSTANCE;
    }

    /** Takes note of a logger the backend handed out; the first time, gives it its configured level. */
    void track(GatewayLogger logger) {
        if (known.containsKey(logger)) {
            return;
        }
        synchronized (this) {
            if (known.putIfAbsent(logger, Boolean.TRUE) == null) {
                // a new logger starts at its component's level from the settings
                componentBase.putIfAbsent(logger.component(), logger.level());
                logger.setLevel(effective(logger.component(), logger.name()));
            }
        }
    }

    /** Sets (or with null, clears) the level of a Boot logger name, and applies it to the loggers it covers. */
    public synchronized void set(String name, Level level) {
        if (level == null) {
            configured.remove(name);
        } else {
            configured.put(name, level);
        }
        for (GatewayLogger l : known.keySet()) {
            l.setLevel(effective(l.component(), l.name()));
        }
    }

    /** The level configured for {@code name}, or null. */
    public synchronized Level configured(String name) {
        return configured.get(name);
    }

    /** The level a logger of {@code component} named {@code name} has (or would have). */
    public synchronized Level effective(LogComponent component, String name) {
        Level byName = longestPrefix(name);
        if (byName != null) {
            return byName;
        }
        Level c = configured.get(componentName(component));
        if (c != null) {
            return c;
        }
        Level root = configured.get(ROOT);
        if (root != null) {
            return root;
        }
        return componentBase.getOrDefault(component, Level.INFO);
    }

    /** The level of a component, as the loggers of it that have no name-specific level get it. */
    public synchronized Level effective(LogComponent component) {
        Level c = configured.get(componentName(component));
        return c != null ? c : configured.getOrDefault(ROOT, componentBase.getOrDefault(component, Level.INFO));
    }

    /** Every name with a level: the configured ones and the named loggers seen so far. */
    public synchronized Set<String> names() {
        Set<String> names = new TreeSet<>(configured.keySet());
        for (GatewayLogger l : known.keySet()) {
            if (!l.name().isEmpty()) {
                names.add(l.name());
            }
        }
        return names;
    }

    /** Boot's name of a component: {@code gateway.api} for the API component. */
    public static String componentName(LogComponent component) {
        return COMPONENT_PREFIX + component.id();
    }

    /** The component named {@code gateway.<id>} by {@code name}, or null when it names none. */
    public static LogComponent componentOf(String name) {
        if (!name.startsWith(COMPONENT_PREFIX)) {
            return null;
        }
        for (LogComponent c : LogComponent.values()) {
            if (name.equals(componentName(c))) {
                return c;
            }
        }
        return null;
    }

    private Level longestPrefix(String name) {
        Level found = null;
        int foundLength = -1;
        for (Map.Entry<String, Level> e : configured.entrySet()) {
            String prefix = e.getKey();
            if (prefix.length() > foundLength && !isSpecial(prefix) && covers(prefix, name)) {
                found = e.getValue();
                foundLength = prefix.length();
            }
        }
        return found;
    }

    private static boolean isSpecial(String name) {
        return name.equals(ROOT) || componentOf(name) != null;
    }

    /** Whole segments, as logger hierarchies match: {@code com.acme} covers {@code com.acme.X}, not {@code com.acmeX}. */
    private static boolean covers(String prefix, String name) {
        if (!name.startsWith(prefix)) {
            return false;
        }
        if (name.length() == prefix.length() || prefix.endsWith(".")) {
            return true;
        }
        char next = name.charAt(prefix.length());
        return next == '.' || next == '$';
    }
}
