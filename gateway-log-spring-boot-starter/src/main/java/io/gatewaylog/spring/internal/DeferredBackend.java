package io.gatewaylog.spring.internal;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LoggingBackend;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.core.CoreBackendProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backend behind {@code GatewayLoggers} in a Boot application: it starts the core's backend only when
 * Boot's logging system initializes ({@link #start}), with the Environment's settings. Spring takes loggers
 * and asks them for TRACE long before that (SpringApplication's constructor), and the SLF4J bridge binds the
 * backend on that first question; without the deferral the core would start with no application settings.
 * Loggers asked for before start-up are {@link DeferredLogger}s; after it, the core's own. Every logger the
 * core hands out is reported to {@link LevelControl}, so a component's level reaches all of its loggers.
 */
public final class DeferredBackend implements LoggingBackend {
    /** Records logged before start-up that are kept for it; past that they are dropped. */
    static final int EARLY_LIMIT = 1_000;

    private final Map<String, DeferredLogger> early = new LinkedHashMap<>();
    private final List<EarlyRecord> earlyRecords = new ArrayList<>();
    private final Map<String, String> codeSettings;
    private volatile LoggingBackend core;

    DeferredBackend(Map<String, String> codeSettings) {
        this.codeSettings = codeSettings;
    }

    /**
     * Starts the core's backend with {@code settings}, hands the early loggers their real ones and replays
     * the early records. Settings given in code ({@code GatewayLoggers.configure}) win, as they do in the core.
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
        early.values().forEach(d -> d.bind(track(started.logger(d.component(), d.name()))));
        core = started;
        for (EarlyRecord r : earlyRecords) {
            r.logger().log(r.level(), r.message(), r.fields(), r.cause());
        }
        early.clear();
        earlyRecords.clear();
    }

    /** Whether {@link #start} has run. */
    public boolean isStarted() {
        return core != null;
    }

    @Override
    public GatewayLogger logger(LogComponent component, String name) {
        LoggingBackend c = core;
        if (c != null) {
            return track(c.logger(component, name));
        }
        synchronized (this) {
            c = core;
            if (c != null) {
                return track(c.logger(component, name));
            }
            return early.computeIfAbsent(
                    component.ordinal() + ":" + name, k -> new DeferredLogger(component, name, this));
        }
    }

    synchronized void keep(DeferredLogger logger, Level level, String message, Map<String, ?> fields, Throwable c) {
        if (core != null) {
            logger.log(level, message, fields, c); // started meanwhile: bound now
        } else if (earlyRecords.size() < EARLY_LIMIT) {
            earlyRecords.add(
                    new EarlyRecord(logger, level, message, fields == null ? null : new LinkedHashMap<>(fields), c));
        }
    }

    private static GatewayLogger track(GatewayLogger real) {
        LevelControl.instance().track(real);
        return real;
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

    private record EarlyRecord(
            DeferredLogger logger, Level level, String message, Map<String, ?> fields, Throwable cause) {}
}
