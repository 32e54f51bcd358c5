package io.gatewaylog.spring.internal;

import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.slf4j.GatewayLogJul;
import io.gatewaylog.slf4j.internal.BridgeTargets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Boot's logger names and levels over gateway-log's. It keeps the levels Boot configured and hands each to
 * the backend ({@code LoggingBackend.setLevel}), which applies it to the loggers made so far and later:
 * {@code gateway.<component>} as a component's level, {@code ROOT} as the level of every component without
 * one of its own, any other name as the level of that name and below it (whole segments, as Logback), in
 * every component. The longest name wins, then the component, then {@code ROOT}, then the settings. Levels
 * by name are also given to java.util.logging ({@link GatewayLogJul#syncLevels}), whose loggers would
 * otherwise filter at their own thresholds before the bridge sees a record.
 */
public final class LevelControl {
    /** Boot's name of the root logger. */
    public static final String ROOT = "ROOT";
    /** The prefix of a component's Boot name, {@code gateway.api} and so on. */
    public static final String COMPONENT_PREFIX = "gateway.";

    private static final LevelControl INSTANCE = new LevelControl();

    private final Map<String, Level> configured = new TreeMap<>();

    private LevelControl() {}

    /** The one table of the application's logging system. */
    public static LevelControl instance() {
        return INSTANCE;
    }

    /**
     * Sets (or with null, clears) the level of a Boot logger name and applies it.
     *
     * @throws IllegalStateException if gateway-log runs another backend than the starter's
     */
    public synchronized void set(String name, Level level) {
        DeferredBackend backend = backend();
        if (level == null) {
            configured.remove(name);
        } else {
            configured.put(name, level);
        }
        LogComponent component = componentOf(name);
        if (name.equals(ROOT)) {
            for (LogComponent c : LogComponent.values()) {
                if (!configured.containsKey(componentName(c))) {
                    backend.setLevel(c, level);
                }
            }
        } else if (component != null) {
            backend.setLevel(component, level != null ? level : configured.get(ROOT));
        } else {
            backend.setLevel(name, level);
        }
        syncJul();
    }

    /** Gives java.util.logging the levels by name (and its root the components' most verbose). */
    public synchronized void syncJul() {
        Map<String, Level> byName = new LinkedHashMap<>();
        configured.forEach((name, level) -> {
            if (!isSpecial(name)) {
                byName.put(name, level);
            }
        });
        GatewayLogJul.syncLevels(byName);
    }

    /** The level configured for {@code name}, or null. */
    public synchronized Level configured(String name) {
        return configured.get(name);
    }

    /** The level the loggers of a Boot name have: ROOT's, a component's, or that of a logger of the name. */
    public Level effective(String name) {
        if (name.equals(ROOT)) {
            Level root = configured(ROOT);
            return root != null
                    ? root
                    : GatewayLoggers.get(LogComponent.SYSTEM, "").level();
        }
        LogComponent component = componentOf(name);
        if (component != null) {
            return GatewayLoggers.get(component, "").level();
        }
        return GatewayLoggers.get(BridgeTargets.routing().componentOf(name), name)
                .level();
    }

    /** Every name with a level: the configured ones and the named loggers handed out so far. */
    public synchronized Set<String> names() {
        Set<String> names = new TreeSet<>(configured.keySet());
        DeferredBackend backend = DeferredBackendProvider.created();
        if (backend != null) {
            names.addAll(backend.names());
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

    private static boolean isSpecial(String name) {
        return name.equals(ROOT) || componentOf(name) != null;
    }

    private static DeferredBackend backend() {
        DeferredBackend backend = DeferredBackendProvider.created();
        if (backend == null) {
            throw new IllegalStateException("gateway-log runs another backend than the Spring Boot starter's "
                    + "(-Dgateway.log.backend?): levels cannot be set through Spring Boot");
        }
        return backend;
    }
}
