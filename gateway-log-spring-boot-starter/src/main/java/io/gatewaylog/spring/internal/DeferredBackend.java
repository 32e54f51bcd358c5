package io.gatewaylog.spring.internal;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LoggingBackend;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.core.CoreBackendProvider;
import io.gatewaylog.core.internal.LevelTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backend behind {@code GatewayLoggers} in a Boot application: it starts the core's backend only when
 * Boot's logging system initializes ({@link #start}), with the Environment's settings. Spring takes loggers
 * and asks them for TRACE long before that (SpringApplication's constructor), and the SLF4J bridge binds the
 * backend on that first question; without the deferral the core would start with no application settings.
 * Loggers asked for before start-up are {@link DeferredLogger}s; after it, the core's own. Levels set on the
 * backend before start-up ({@link #setLevel}) are handed to the core when it starts, afterwards straight on.
 */
public final class DeferredBackend implements LoggingBackend {
    /** Records logged before start-up that are kept for it; past that they are counted and reported. */
    static final int EARLY_LIMIT = 1_000;

    private final Map<String, DeferredLogger> early = new LinkedHashMap<>();
    private final List<EarlyRecord> earlyRecords = new ArrayList<>();
    /** Levels set on the backend before start-up, kept as the core keeps them and handed to it at start. */
    private final LevelTable earlyLevels = new LevelTable();

    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final Map<String, String> codeSettings;
    private final Reporter reporter;
    private long notKept;
    private volatile LoggingBackend core;

    DeferredBackend(Map<String, String> codeSettings, Reporter reporter) {
        this.codeSettings = codeSettings;
        this.reporter = reporter;
    }

    /**
     * Starts the core's backend with {@code settings}, gives it the levels set before, hands the early loggers
     * their real ones and replays the early records; what was not kept or is now below its logger's level is
     * reported. Settings given in code ({@code GatewayLoggers.configure}) win, as they do in the core.
     * Called once; a later call fails.
     *
     * @throws io.gatewaylog.api.spi.InvalidSettingException if a setting is invalid (nothing has started then)
     */
    public synchronized void start(Map<String, String> settings) {
        if (core != null) {
            throw new IllegalStateException("gateway-log has already started");
        }
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(codeSettings);
        LoggingBackend started = new CoreBackendProvider().create(all);
        earlyLevels.applyTo(started);
        early.values().forEach(d -> d.bind(started.logger(d.component(), d.name())));
        core = started;
        long belowLevel = 0;
        for (EarlyRecord r : earlyRecords) {
            if (r.logger().isEnabled(r.level())) {
                r.logger().log(r.level(), r.message(), r.fields(), r.cause());
            } else {
                belowLevel++;
            }
        }
        early.clear();
        earlyRecords.clear();
        reportNotReplayed(started, belowLevel);
    }

    /** Whether {@link #start} has run. */
    public boolean isStarted() {
        return core != null;
    }

    /** The names of the named loggers handed out so far, for {@code /actuator/loggers}. */
    public Set<String> names() {
        return new TreeSet<>(names);
    }

    @Override
    public GatewayLogger logger(LogComponent component, String name) {
        if (!name.isEmpty()) {
            names.add(name);
        }
        LoggingBackend c = core;
        if (c != null) {
            return c.logger(component, name);
        }
        synchronized (this) {
            c = core;
            if (c != null) {
                return c.logger(component, name);
            }
            return early.computeIfAbsent(
                    component.ordinal() + ":" + name,
                    k -> new DeferredLogger(component, name, this, provisionalLevel(component, name)));
        }
    }

    @Override
    public synchronized boolean setLevel(LogComponent component, Level level) {
        LoggingBackend c = core;
        if (c != null) {
            return c.setLevel(component, level);
        }
        earlyLevels.set(component, level);
        early.values().stream()
                .filter(d -> d.component() == component)
                .forEach(d -> d.provisional(provisionalLevel(d.component(), d.name())));
        return true;
    }

    @Override
    public synchronized boolean setLevel(String name, Level level) {
        LoggingBackend c = core;
        if (c != null) {
            return c.setLevel(name, level);
        }
        earlyLevels.set(name, level);
        early.values().stream()
                .filter(d -> LevelTable.covers(name, d.name()))
                .forEach(d -> d.provisional(provisionalLevel(d.component(), d.name())));
        return true;
    }

    synchronized void keep(DeferredLogger logger, Level level, String message, Map<String, ?> fields, Throwable c) {
        if (core != null) {
            logger.log(level, message, fields, c); // started meanwhile: bound now
        } else if (earlyRecords.size() < EARLY_LIMIT) {
            earlyRecords.add(
                    new EarlyRecord(logger, level, message, fields == null ? null : new LinkedHashMap<>(fields), c));
        } else {
            notKept++;
        }
    }

    /** Early records that were not written are never lost silently: stderr and a record of the system component. */
    private void reportNotReplayed(LoggingBackend started, long belowLevel) {
        if (notKept == 0 && belowLevel == 0) {
            return;
        }
        String message = notKept + " record(s) logged before Spring Boot initialized logging were not kept (the "
                + "first " + EARLY_LIMIT + " are) and " + belowLevel + " kept one(s) were below their logger's "
                + "configured level; neither was written";
        reporter.warn(message);
        started.logger(LogComponent.SYSTEM, "gateway-log")
                .warn(message, Fields.of("early_not_kept", notKept, "early_below_level", belowLevel));
        notKept = 0;
    }

    @Override
    public LoggingStatistics statistics() {
        return started().statistics();
    }

    @Override
    public boolean flush(Duration timeout) {
        LoggingBackend c = core;
        return c == null || c.flush(timeout);
    }

    @Override
    public boolean shutdown(Duration timeout) {
        LoggingBackend c = core;
        return c == null || c.shutdown(timeout);
    }

    /** Statistics are asked for by beans, after start-up; outside Boot, this starts with the defaults. */
    private LoggingBackend started() {
        LoggingBackend c = core;
        if (c == null) {
            synchronized (this) {
                if (core == null) {
                    start(Map.of());
                }
                c = core;
            }
        }
        return c;
    }

    /** Before start-up: what the backend's levels say, else INFO (the settings are not read yet). */
    private Level provisionalLevel(LogComponent component, String name) {
        Level set = earlyLevels.levelOf(component, name);
        return set != null ? set : Level.INFO;
    }

    private record EarlyRecord(
            DeferredLogger logger, Level level, String message, Map<String, ?> fields, Throwable cause) {}
}
