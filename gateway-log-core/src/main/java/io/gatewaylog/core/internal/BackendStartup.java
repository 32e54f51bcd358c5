package io.gatewaylog.core.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ArchiveCatalog;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LogSinkProvider;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.api.spi.SinkConflictException;
import io.gatewaylog.core.internal.config.AuthOnlySettings;
import io.gatewaylog.core.internal.config.ComponentConfig;
import io.gatewaylog.core.internal.config.LayeredSettings;
import io.gatewaylog.core.internal.console.ConsoleSink;
import io.gatewaylog.core.internal.json.EcsRecordEncoder;
import io.gatewaylog.core.internal.json.JsonRecordEncoder;
import io.gatewaylog.core.internal.pipeline.Pipeline;
import io.gatewaylog.core.internal.pipeline.Pipelines;
import io.gatewaylog.core.internal.retention.DiskUsageProbe;
import io.gatewaylog.core.internal.retention.RetentionJob;
import io.gatewaylog.core.internal.retention.RetentionSettings;
import io.gatewaylog.core.internal.stats.BackendStatistics;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;

/**
 * Everything the backend needs, created in order and validated before any thread starts: settings,
 * per-component configuration, the encoder, the sinks (given, console, discovered), the pipelines and
 * the background jobs.
 */
public record BackendStartup(Settings settings, Map<LogComponent, ComponentConfig> configs,
                             Map<LogComponent, Pipeline> pipelines, List<LogSink> sinks,
                             BackendStatistics statistics, List<AutoCloseable> jobs, Reporter reporter,
                             Duration shutdownTimeout, boolean installShutdownHook) {

    public static BackendStartup start(Map<String, String> code, List<LogSink> given, boolean discover,
                                       Reporter reporter) {
        return start(code, given, List.of(), discover, reporter);
    }

    /**
     * Starts everything, or nothing: when a step fails (an invalid setting in the third sink), what was
     * started before it is stopped and closed again, in reverse order (pipelines and their threads, the
     * sinks this start-up created with their locks and files, the retention job), and the exception
     * goes on to the caller; a corrected retry in the same JVM then finds nothing held. The sinks the
     * caller gave are the caller's and are not closed.
     */
    public static BackendStartup start(Map<String, String> code, List<LogSink> given, List<LogSinkProvider> providers,
                                       boolean discover, Reporter reporter) {
        return start(code, given, providers, discover, UnaryOperator.identity(), reporter);
    }

    /** As above; each sink is replaced by what {@code customizer} makes of it before any pipeline sees it. */
    public static BackendStartup start(Map<String, String> code, List<LogSink> given, List<LogSinkProvider> providers,
                                       boolean discover, UnaryOperator<LogSink> customizer, Reporter reporter) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            return start(code, given, providers, discover, customizer, reporter, started);
        } catch (RuntimeException | Error e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception | LinkageError | StackOverflowError closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    private static BackendStartup start(Map<String, String> code, List<LogSink> given, List<LogSinkProvider> providers,
                                        boolean discover, UnaryOperator<LogSink> customizer, Reporter reporter,
                                        List<AutoCloseable> started) {
        LayeredSettings settings = LayeredSettings.load(code);
        Map<LogComponent, ComponentConfig> configs = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            configs.put(c, ComponentConfig.parse(settings, c));
        }
        RetentionSettings.parse(settings); // fails start-up on a bad retention setting, before any thread starts
        List<String> notForAuth = AuthOnlySettings.ignoredForAuth(settings);
        if (!notForAuth.isEmpty()) {
            reporter.warn(String.join(", ", notForAuth) + " apply to the components other than auth; auth's"
                    + " records keep their protection unless component.auth.<key> changes it");
        }
        int maxValueLength = settings.getInt("max.value.length", 32768, 64, 100_000_000);
        String processName = settings.getString("process.name", "gateway");
        Duration shutdownTimeout = settings.getDuration("shutdown.timeout", Duration.ofSeconds(10));
        boolean hook = settings.getBoolean("shutdown.hook", true);
        boolean console = settings.getBoolean("console.enabled", true);
        Map<LogComponent, ConsoleSink.Format> consoleFormats = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            consoleFormats.put(c, settings.forComponent(c).getEnum("console.format", ConsoleSink.Format.class,
                    ConsoleSink.Format.TEXT));
        }
        // Every sanitizer is built (and its settings validated) before any sink or thread is started.
        Map<LogComponent, UnaryOperator<LogRecord>> sanitizers = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            sanitizers.put(c, Sanitizers.forComponent(settings, c, configs.get(c).sanitize(), reporter));
        }

        JsonRecordEncoder encoder = new JsonRecordEncoder(processName, maxValueLength);
        EcsRecordEncoder ecsEncoder = new EcsRecordEncoder(processName, maxValueLength);
        BackendStatistics statistics = new BackendStatistics();
        CoreSinkContext context = new CoreSinkContext(settings, encoder, ecsEncoder, reporter, statistics);

        List<LogSink> sinks = new ArrayList<>(given);
        if (console) {
            LogSink consoleSink = new ConsoleSink(new FileOutputStream(FileDescriptor.out), consoleFormats, encoder, ecsEncoder,
                    maxValueLength);
            sinks.add(consoleSink);
            started.add(consoleSink);
        }
        for (LogSinkProvider provider : providers) {
            LogSink sink = create(provider, settings, context, reporter);
            if (sink != null) {
                sinks.add(sink);
                started.add(sink);
            }
        }
        if (discover) {
            for (LogSinkProvider provider : discoverProviders(reporter)) {
                LogSink sink = create(provider, settings, context, reporter);
                if (sink != null) {
                    sinks.add(sink);
                    started.add(sink);
                }
            }
        }
        // Retention asks the sinks themselves which archives are theirs, whatever wraps them.
        List<ArchiveCatalog> catalogs = new ArrayList<>();
        for (LogSink sink : sinks) {
            if (sink instanceof ArchiveCatalog catalog) {
                catalogs.add(catalog);
            }
        }
        for (int i = 0; i < sinks.size(); i++) {
            LogSink original = sinks.get(i);
            LogSink custom = Objects.requireNonNull(customizer.apply(original), "customized sink");
            sinks.set(i, custom);
            if (custom != original && started.remove(original)) {
                started.add(custom); // closing the wrapper closes the sink
            }
        }
        statistics.sinks(sinks);

        Map<LogComponent, Pipeline> pipelines = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            List<LogSink> accepting = new ArrayList<>();
            for (LogSink sink : sinks) {
                if (sink.accepts(c)) {
                    accepting.add(sink);
                }
            }
            ComponentConfig config = configs.get(c);
            Pipeline pipeline = Pipelines.create(config, accepting, sanitizers.get(c), statistics.flushListeners(),
                    reporter);
            started.add(() -> pipeline.shutdown(Duration.ofSeconds(1)));
            pipelines.put(c, pipeline);
            statistics.register(pipeline.stats());
        }
        List<AutoCloseable> jobs = new ArrayList<>();
        // Deletions are reported as records of the system component; the job is closed before the pipelines.
        RetentionJob retention = RetentionJob.start(settings, catalogs, pipelines.get(LogComponent.SYSTEM)::submit,
                reporter, Clock.systemDefaultZone(), DiskUsageProbe.fileStore());
        started.add(retention);
        jobs.add(retention);
        statistics.addMeasurements(retention::measurements);
        return new BackendStartup(settings, configs, pipelines, List.copyOf(sinks), statistics, jobs, reporter,
                shutdownTimeout, hook);
    }

    /** Creates one provider's sink; null if it is disabled or failed in a way that only skips it. */
    private static LogSink create(LogSinkProvider provider, Settings settings, CoreSinkContext context,
                                  Reporter reporter) {
        String name = provider.name();
        if (!settings.getBoolean("sink." + name + ".enabled", true)) {
            return null;
        }
        try {
            return provider.create(context);
        } catch (InvalidSettingException | SinkConflictException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            reporter.error("sink '" + name + "' failed to start and is skipped", e);
            return null;
        }
    }

    private static List<LogSinkProvider> discoverProviders(Reporter reporter) {
        List<LogSinkProvider> found = new ArrayList<>();
        Iterator<LogSinkProvider> it = ServiceLoader.load(LogSinkProvider.class, BackendStartup.class.getClassLoader())
                .iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                reporter.error("a sink provider failed to load and is skipped", e);
            }
        }
        return found;
    }
}
