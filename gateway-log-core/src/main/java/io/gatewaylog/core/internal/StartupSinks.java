package io.gatewaylog.core.internal;

import io.gatewaylog.api.spi.ArchiveCatalog;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LogSinkProvider;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.api.spi.SinkConflictException;
import io.gatewaylog.core.internal.config.SettingTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;

/** The sink steps of start-up: finding the providers, the settings table they make, creating and wrapping sinks. */
final class StartupSinks {
    private StartupSinks() {}

    /** The providers given, then (if {@code discover}) those found with {@link ServiceLoader}. */
    static List<LogSinkProvider> providers(List<LogSinkProvider> given, boolean discover, Reporter reporter) {
        List<LogSinkProvider> all = new ArrayList<>(given);
        if (!discover) {
            return all;
        }
        Iterator<LogSinkProvider> it = ServiceLoader.load(LogSinkProvider.class, StartupSinks.class.getClassLoader())
                .iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                all.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                reporter.error("a sink provider failed to load and is skipped", e);
            }
        }
        return all;
    }

    /** The core's table with every provider's keys; the given sinks' and the console's keys are left unchecked. */
    static SettingTable table(List<LogSinkProvider> providers, List<LogSink> given) {
        SettingTable table = SettingTable.core();
        for (LogSinkProvider p : providers) {
            List<SettingKey<?>> keys;
            try {
                keys = p.settings();
            } catch (RuntimeException | LinkageError e) {
                keys = List.of(); // create() will fail the same way and report it
            }
            table = table.withSink(p.name(), keys);
        }
        for (LogSink sink : given) {
            table = table.withSink(sink.name(), List.of());
        }
        return table;
    }

    /** Creates one provider's sink; null if it is disabled or failed in a way that only skips it. */
    static LogSink create(LogSinkProvider provider, Settings settings, CoreSinkContext context, Reporter reporter) {
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

    /** The sinks that are archive catalogs, asked before any wrapper hides them. */
    static List<ArchiveCatalog> catalogs(List<LogSink> sinks) {
        List<ArchiveCatalog> catalogs = new ArrayList<>();
        for (LogSink sink : sinks) {
            if (sink instanceof ArchiveCatalog catalog) {
                catalogs.add(catalog);
            }
        }
        return catalogs;
    }

    /** Replaces each sink by the customizer's wrapper; closing a started wrapper closes its sink. */
    static void customize(List<LogSink> sinks, UnaryOperator<LogSink> customizer, List<AutoCloseable> started) {
        for (int i = 0; i < sinks.size(); i++) {
            LogSink original = sinks.get(i);
            LogSink custom = Objects.requireNonNull(customizer.apply(original), "customized sink");
            sinks.set(i, custom);
            if (custom != original && started.remove(original)) {
                started.add(custom);
            }
        }
    }
}
