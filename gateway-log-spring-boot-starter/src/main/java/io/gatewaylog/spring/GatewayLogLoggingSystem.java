package io.gatewaylog.spring;

import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.slf4j.GatewayLogJul;
import io.gatewaylog.spring.internal.LevelControl;
import io.gatewaylog.spring.internal.Startup;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.ClassUtils;

/**
 * gateway-log as Spring Boot's logging system. {@code initialize} starts gateway-log with the
 * {@code gateway.log.*} properties of the Environment (invalid ones fail start-up); levels set through
 * {@code logging.level.*} or {@code /actuator/loggers} apply to the loggers of gateway-log: {@code gateway.api}
 * (and the other components' names) to every logger of that component, {@code ROOT} to all, any other name to
 * the loggers of that name and below it (SLF4J, JUL and {@code System.Logger} loggers routed through the
 * bridge, and gateway-log loggers of that name; java.util.logging's own thresholds follow); the shutdown
 * handler, which Boot runs after closing its contexts, drains and closes gateway-log.
 *
 * <p>Found by Boot through {@link Factory}, registered in {@code META-INF/spring.factories}.
 */
public final class GatewayLogLoggingSystem extends LoggingSystem {
    private static final Set<LogLevel> LEVELS =
            EnumSet.of(LogLevel.TRACE, LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR);

    private final LevelControl levels = LevelControl.instance();

    /** Made by {@link Factory}; one per application class loader, as Boot's own systems. */
    GatewayLogLoggingSystem() {}

    @Override
    public void beforeInitialize() {
        // nothing to undo or prepare: gateway-log starts in initialize, once the Environment exists
    }

    @Override
    public void initialize(LoggingInitializationContext context, String configLocation, LogFile logFile) {
        Startup.start(context.getEnvironment());
        if (!GatewayLogJul.isInstalled()) {
            GatewayLogJul.install(); // Tomcat and other JUL users, as Boot's Logback system installs its bridge
        }
        levels.syncJul(); // levels Boot set before (none, usually): JUL filters before the bridge sees a record
    }

    @Override
    public Runnable getShutdownHandler() {
        return () -> {
            GatewayLoggers.shutdown();
            GatewayLogJul.uninstall();
        };
    }

    @Override
    public Set<LogLevel> getSupportedLogLevels() {
        return LEVELS;
    }

    @Override
    public void setLogLevel(String loggerName, LogLevel level) {
        levels.set(nameOf(loggerName), toLevel(level));
    }

    @Override
    public List<LoggerConfiguration> getLoggerConfigurations() {
        List<LoggerConfiguration> all = new ArrayList<>();
        all.add(getLoggerConfiguration(ROOT_LOGGER_NAME));
        for (LogComponent c : LogComponent.values()) {
            all.add(getLoggerConfiguration(LevelControl.componentName(c)));
        }
        for (String name : levels.names()) {
            if (!name.equals(ROOT_LOGGER_NAME) && LevelControl.componentOf(name) == null) {
                all.add(getLoggerConfiguration(name));
            }
        }
        return all;
    }

    @Override
    public LoggerConfiguration getLoggerConfiguration(String loggerName) {
        String name = nameOf(loggerName);
        return new LoggerConfiguration(name, toLogLevel(levels.configured(name)), toLogLevel(levels.effective(name)));
    }

    private static String nameOf(String loggerName) {
        return loggerName == null || loggerName.isEmpty() ? ROOT_LOGGER_NAME : loggerName;
    }

    private static Level toLevel(LogLevel level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case TRACE -> Level.TRACE;
            case DEBUG -> Level.DEBUG;
            case INFO -> Level.INFO;
            case WARN -> Level.WARN;
            case ERROR, FATAL -> Level.ERROR;
            case OFF -> throw new IllegalArgumentException("gateway-log has no level OFF; the highest is ERROR");
        };
    }

    private static LogLevel toLogLevel(Level level) {
        return level == null ? null : LogLevel.valueOf(level.name());
    }

    /** Boot's entry point: picked before Logback's, Log4j 2's and JUL's factories whenever the core is present. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static final class Factory implements LoggingSystemFactory {
        private static final boolean PRESENT =
                ClassUtils.isPresent("io.gatewaylog.core.CoreBackendProvider", Factory.class.getClassLoader());

        /** Called by Boot's {@code SpringFactoriesLoader}. */
        public Factory() {}

        @Override
        public LoggingSystem getLoggingSystem(ClassLoader classLoader) {
            return PRESENT ? new GatewayLogLoggingSystem() : null;
        }
    }
}
