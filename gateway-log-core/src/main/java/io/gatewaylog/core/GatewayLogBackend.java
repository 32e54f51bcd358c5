package io.gatewaylog.core;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogContext;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.CommonSettings;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LogSinkProvider;
import io.gatewaylog.api.spi.LoggingBackend;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.core.internal.BackendShutdown;
import io.gatewaylog.core.internal.BackendStartup;
import io.gatewaylog.core.internal.LevelOverrides;
import io.gatewaylog.core.internal.config.ComponentConfig;
import io.gatewaylog.core.internal.logger.CoreLogger;
import io.gatewaylog.core.internal.pipeline.Pipeline;
import io.gatewaylog.core.internal.stats.BackendStatistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The gateway-log backend: settings, one pipeline per component, the sinks, statistics, retention
 * and the shutdown hook. {@link io.gatewaylog.api.GatewayLoggers} creates one through
 * {@link CoreBackendProvider}; tests and embedders can build their own:
 * <pre>{@code
 * LoggingBackend backend = GatewayLogBackend.builder()
 *         .setting("dir", "/tmp/logs").setting("level", "INFO")
 *         .sink(mySink)
 *         .build();
 * }</pre>
 *
 * @since 1.0
 */
public final class GatewayLogBackend implements LoggingBackend {
    private final Settings settings;
    private final Map<LogComponent, ComponentConfig> configs;
    private final Map<LogComponent, Pipeline> pipelines;
    private final List<LogSink> sinks;
    private final BackendStatistics statistics;
    private final List<AutoCloseable> jobs;
    private final Reporter reporter;
    private final Duration shutdownTimeout;
    private final Map<String, CoreLogger> loggers = new ConcurrentHashMap<>();
    private final LevelOverrides levels;
    private final Thread shutdownHook;
    private volatile boolean shutDown;

    private GatewayLogBackend(BackendStartup s) {
        this.settings = s.settings();
        this.configs = s.configs();
        this.pipelines = s.pipelines();
        this.sinks = s.sinks();
        this.statistics = s.statistics();
        this.jobs = s.jobs();
        this.reporter = s.reporter();
        this.shutdownTimeout = s.shutdownTimeout();
        this.levels = new LevelOverrides(c -> configs.get(c).level());
        if (s.installShutdownHook()) {
            shutdownHook = new Thread(() -> shutdown(shutdownTimeout), "gateway-log-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            shutdownHook = null;
        }
    }

    /** A builder; settings given to it have the highest precedence (code). */
    public static Builder builder() {
        return new Builder();
    }

    /** The effective settings. */
    public Settings settings() {
        return settings;
    }

    /** The sinks in use, the console included. */
    public List<LogSink> sinks() {
        return sinks;
    }

    @Override
    public GatewayLogger logger(LogComponent component, String name) {
        String n = name == null ? "" : name;
        return levels.logger(
                loggers, component, n, level -> new CoreLogger(component, n, level, this::submit, reporter));
    }

    @Override
    public boolean setLevel(LogComponent component, Level level) {
        return levels.set(component, level, loggers.values());
    }

    @Override
    public boolean setLevel(String name, Level level) {
        return levels.set(name, level, loggers.values());
    }

    private void submit(LogRecord record) {
        pipelines.get(record.component()).submit(record);
    }

    @Override
    public LoggingStatistics statistics() {
        return statistics;
    }

    /**
     * {@inheritDoc}
     *
     * <p>True only if every record accepted before the call was taken by every sink that accepts its
     * component, or counted as dropped: records waiting in a failing sink's backlog make it false.
     */
    @Override
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean all = true;
        for (Pipeline p : pipelines.values()) {
            all &= p.flush(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        return all;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Stops the background jobs, drains every component at once, gives each failing sink's backlog
     * a last try (what still fails is counted as {@code dropped{reason=sink_failure}}), flushes, and
     * closes each sink once no writer can call it any more; a sink whose writer did not stop within
     * {@code timeout} is reported and left open. False if anything accepted was not written in time.
     */
    @Override
    public boolean shutdown(Duration timeout) {
        synchronized (this) {
            if (shutDown) {
                return true;
            }
            shutDown = true;
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already exiting
            }
        }
        BackendShutdown.stopJobs(jobs, reporter);
        return BackendShutdown.drainAndClose(pipelines, sinks, timeout, reporter);
    }

    /**
     * Builds a {@link GatewayLogBackend}.
     *
     * @since 1.0
     */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<LogSink> sinks = new ArrayList<>();
        private final List<LogSinkProvider> providers = new ArrayList<>();
        private UnaryOperator<LogSink> sinkCustomizer = UnaryOperator.identity();
        private boolean discoverSinks = true;
        private Reporter reporter = Reporter.stderr();
        private boolean bindGlobalContext = true;

        private Builder() {}

        /** Sets one setting (highest precedence). */
        public Builder setting(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets several settings. */
        public Builder settings(Map<String, String> more) {
            more.forEach(this::setting);
            return this;
        }

        /** Adds a sink of the caller's own, besides those found on the class path. */
        public Builder sink(LogSink sink) {
            sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /**
         * Adds a sink provider besides those found on the class path: its sink is created at start-up
         * like theirs (from the settings, skipped when {@code sink.<name>.enabled=false}, an invalid
         * setting failing start-up) and closed by the backend.
         */
        public Builder sinkProvider(LogSinkProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * Replaces every sink (given, console, created by a provider) by what {@code customizer} makes of
         * it, before any pipeline sees it: a wrapper that records what the sink takes, or injects faults
         * (the test kit's partial-write cases use it). The wrapper is what the backend calls and closes;
         * retention still asks the original sink which archives are its own.
         */
        public Builder sinkCustomizer(UnaryOperator<LogSink> customizer) {
            this.sinkCustomizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /** Whether to add the sinks found with {@link java.util.ServiceLoader} (default true). */
        public Builder discoverSinks(boolean discover) {
            this.discoverSinks = discover;
            return this;
        }

        /** Where the backend reports its own problems (default stderr). */
        public Builder reporter(Reporter reporter) {
            this.reporter = Objects.requireNonNull(reporter, "reporter");
            return this;
        }

        /** Whether {@code asset.id} is bound as a process-wide context field (default true). */
        public Builder bindGlobalContext(boolean bind) {
            this.bindGlobalContext = bind;
            return this;
        }

        /**
         * Validates every setting, creates the sinks and starts the pipelines. When any step fails, what
         * was already started is stopped and closed again (the sinks given with {@link #sink} excepted),
         * so a corrected retry in the same JVM starts cleanly.
         *
         * @throws io.gatewaylog.api.spi.InvalidSettingException naming the first invalid setting
         */
        public GatewayLogBackend build() {
            BackendStartup startup =
                    BackendStartup.start(settings, sinks, providers, discoverSinks, sinkCustomizer, reporter);
            String assetId = startup.settings().get(CommonSettings.ASSET_ID);
            if (bindGlobalContext && !assetId.isEmpty()) {
                LogContext.bindGlobal(Map.of("asset_id", assetId));
            }
            return new GatewayLogBackend(startup);
        }
    }
}
