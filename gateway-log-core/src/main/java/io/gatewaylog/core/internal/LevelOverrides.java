package io.gatewaylog.core.internal;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The levels set on the backend as a whole ({@code LoggingBackend.setLevel}) rather than on one logger: by
 * component and by logger name prefix ({@link LevelTable}'s rule), else the settings' level of the component.
 * The backend makes its loggers and applies changes under this table's lock, so a logger made while a level
 * changes cannot miss the change; the work happens when a level is set or a logger is made, never on a log
 * call.
 */
public final class LevelOverrides {
    private final Function<LogComponent, Level> configured;
    private final LevelTable table = new LevelTable();

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
        Level set = table.levelOf(component, name);
        return set != null ? set : configured.apply(component);
    }

    /** Sets (null: removes) a component's level and gives it to the loggers of that component; true. */
    public synchronized boolean set(LogComponent component, Level level, Collection<? extends GatewayLogger> loggers) {
        table.set(component, level);
        for (GatewayLogger l : loggers) {
            if (l.component() == component) {
                l.setLevel(levelOf(component, l.name()));
            }
        }
        return true;
    }

    /** Sets (null: removes) the level of a name prefix and gives the loggers it covers their level again; true. */
    public synchronized boolean set(String name, Level level, Collection<? extends GatewayLogger> loggers) {
        table.set(name, level);
        for (GatewayLogger l : loggers) {
            if (LevelTable.covers(name, l.name())) {
                l.setLevel(levelOf(l.component(), l.name()));
            }
        }
        return true;
    }
}
