package io.gatewaylog.core.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ArchiveCatalog;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LogSinkProvider;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.core.internal.config.AuthOnlySettings;
import io.gatewaylog.core.internal.config.ComponentConfig;
import io.gatewaylog.core.internal.config.CoreSettings;
import io.gatewaylog.core.internal.config.LayeredSettings;
import io.gatewaylog.core.internal.config.SettingsValidator;
import io.gatewaylog.core.internal.console.ConsoleSink;
import io.gatewaylog.core.internal.json.EcsRecordEncoder;
import io.gatewaylog.core.internal.json.JsonRecordEncoder;
import io.gatewaylog.core.internal.pipeline.Pipeline;
import io.gatewaylog.core.internal.pipeline.Pipelines;
import io.gatewaylog.core.internal.retention.DiskUsageProbe;
import io.gatewaylog.core.internal.retention.RetentionJob;
import io.gatewaylog.core.internal.retention.RetentionSettings;
import io.gatewaylog.core.internal.stats.BackendStatistics;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Everything the backend needs, created in order and validated before any thread starts: settings,
 * per-component configuration, the encoder, the sinks (given, console, discovered), the pipelines and
 * the background jobs.
 */
public record BackendStartup(
        Settings settings,
        Map<LogComponent, ComponentConfig> configs,
        Map<LogComponent, Pipeline> pipelines,
        List<LogSink> sinks,
        BackendStatistics statistics,
        List<AutoCloseable> jobs,
        Reporter reporter,
        Duration shutdownTimeout,
        boolean installShutdownHook) {

    public static BackendStartup start(
            Map<String, String> code, List<LogSink> given, boolean discover, Reporter reporter) {
        return start(code, given, List.of(), discover, reporter);
    }

    /**
     * Starts everything, or nothing: when a step fails (an invalid setting in the third sink), what was
     * started before it is stopped and closed again, in reverse order (pipelines and their threads, the
     * sinks this start-up created with their locks and files, the retention job), and the exception
     * goes on to the caller; a corrected retry in the same JVM then finds nothing held. The sinks the
     * caller gave are the caller's and are not closed.
     */
    public static BackendStartup start(
            Map<String, String> code,
            List<LogSink> given,
            List<LogSinkProvider> providers,
            boolean discover,
            Reporter reporter) {
        return start(code, given, providers, discover, UnaryOperator.identity(), reporter);
    }

    /** As above; each sink is replaced by what {@code customizer} makes of it before any pipeline sees it. */
    public static BackendStartup start(
            Map<String, String> code,
            List<LogSink> given,
            List<LogSinkProvider> providers,
            boolean discover,
            UnaryOperator<LogSink> customizer,
            Reporter reporter) {
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

    private static BackendStartup start(
            Map<String, String> code,
            List<LogSink> given,
            List<LogSinkProvider> providers,
            boolean discover,
            UnaryOperator<LogSink> customizer,
            Reporter reporter,
            List<AutoCloseable> started) {
        List<LogSinkProvider> all = StartupSinks.providers(providers, discover, reporter);
        LayeredSettings settings = LayeredSettings.load(code);
        SettingsValidator.validate(settings, StartupSinks.table(all, given), reporter);
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
        int maxValueLength = settings.get(CoreSettings.MAX_VALUE_LENGTH);
        // Every sanitizer is built (and its settings validated) before any sink or thread is started.
        Map<LogComponent, UnaryOperator<LogRecord>> sanitizers = sanitizers(settings, configs, reporter);
        String processName = settings.get(CoreSettings.PROCESS_NAME);
        JsonRecordEncoder encoder = new JsonRecordEncoder(processName, maxValueLength);
        EcsRecordEncoder ecsEncoder = new EcsRecordEncoder(processName, maxValueLength);
        BackendStatistics statistics = new BackendStatistics();
        CoreSinkContext context = new CoreSinkContext(settings, encoder, ecsEncoder, reporter, statistics);
        List<LogSink> sinks = sinks(settings, given, all, context, started);
        List<ArchiveCatalog> catalogs = StartupSinks.catalogs(sinks); // retention asks the sinks, whatever wraps them
        StartupSinks.customize(sinks, customizer, started);
        statistics.sinks(sinks);
        Map<LogComponent, Pipeline> pipelines = pipelines(configs, sinks, sanitizers, statistics, reporter, started);
        // Deletions are reported as records of the system component; the job is closed before the pipelines.
        RetentionJob retention = RetentionJob.start(
                settings,
                catalogs,
                pipelines.get(LogComponent.SYSTEM)::submit,
                reporter,
                Clock.systemDefaultZone(),
                DiskUsageProbe.fileStore());
        started.add(retention);
        statistics.addMeasurements(retention::measurements);
        return new BackendStartup(
                settings,
                configs,
                pipelines,
                List.copyOf(sinks),
                statistics,
                List.of(retention),
                reporter,
                settings.get(CoreSettings.SHUTDOWN_TIMEOUT),
                settings.get(CoreSettings.SHUTDOWN_HOOK));
    }

    /** Each component's sanitizer, as its settings ask. */
    private static Map<LogComponent, UnaryOperator<LogRecord>> sanitizers(
            Settings settings, Map<LogComponent, ComponentConfig> configs, Reporter reporter) {
        Map<LogComponent, UnaryOperator<LogRecord>> sanitizers = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            sanitizers.put(
                    c, Sanitizers.forComponent(settings, c, configs.get(c).sanitize(), reporter));
        }
        return sanitizers;
    }

    /** The given sinks, the console (unless switched off), then each provider's. */
    private static List<LogSink> sinks(
            Settings settings,
            List<LogSink> given,
            List<LogSinkProvider> providers,
            CoreSinkContext context,
            List<AutoCloseable> started) {
        List<LogSink> sinks = new ArrayList<>(given);
        // Validated even when the console is off, so that switching it on cannot reveal a bad value later.
        Map<LogComponent, ConsoleSink.Format> formats = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            formats.put(c, settings.forComponent(c).get(CoreSettings.CONSOLE_FORMAT));
        }
        if (settings.get(CoreSettings.CONSOLE_ENABLED)) {
            LogSink console = new ConsoleSink(
                    new FileOutputStream(FileDescriptor.out),
                    formats,
                    context.encoder(),
                    context.ecsEncoder(),
                    settings.get(CoreSettings.MAX_VALUE_LENGTH));
            sinks.add(console);
            started.add(console);
        }
        for (LogSinkProvider provider : providers) {
            LogSink sink = StartupSinks.create(provider, settings, context, context.reporter());
            if (sink != null) {
                sinks.add(sink);
                started.add(sink);
            }
        }
        return sinks;
    }

    private static Map<LogComponent, Pipeline> pipelines(
            Map<LogComponent, ComponentConfig> configs,
            List<LogSink> sinks,
            Map<LogComponent, UnaryOperator<LogRecord>> sanitizers,
            BackendStatistics statistics,
            Reporter reporter,
            List<AutoCloseable> started) {
        Map<LogComponent, Pipeline> pipelines = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            List<LogSink> accepting = new ArrayList<>();
            for (LogSink sink : sinks) {
                if (sink.accepts(c)) {
                    accepting.add(sink);
                }
            }
            Pipeline pipeline = Pipelines.create(
                    configs.get(c), accepting, sanitizers.get(c), statistics.flushListeners(), reporter);
            started.add(() -> pipeline.shutdown(Duration.ofSeconds(1)));
            pipelines.put(c, pipeline);
            statistics.register(pipeline.stats());
        }
        return pipelines;
    }
}
