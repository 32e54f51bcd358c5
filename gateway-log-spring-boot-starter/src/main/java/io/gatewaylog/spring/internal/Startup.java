package io.gatewaylog.spring.internal;

import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.spi.InvalidSettingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * Starts gateway-log from Boot's Environment, once, while Boot initializes its logging system: before any
 * bean exists, so before the application's first logger.
 */
public final class Startup {
    /** Boot's switch for its shutdown hook, which runs our shutdown handler after the contexts closed. */
    static final String BOOT_SHUTDOWN_HOOK = "logging.register-shutdown-hook";

    private static final String BACKEND_PROPERTY = "gateway.log.backend";

    private Startup() {}

    /**
     * Gives the Environment's settings to gateway-log and binds it, so invalid settings fail here.
     *
     * @throws InvalidSettingException naming the setting, as the core's settings do
     * @throws IllegalStateException if gateway-log was started before (its settings could not apply)
     */
    public static void start(Environment environment) {
        Map<String, String> settings = new LinkedHashMap<>(EnvironmentSettings.of(environment));
        Slf4jRoutingCheck.check(settings);
        if (environment.getProperty(EnvironmentSettings.PREFIX + "shutdown.hook") == null
                && environment.getProperty(BOOT_SHUTDOWN_HOOK, Boolean.class, true)) {
            // Boot's hook closes the contexts and then calls our shutdown handler; the core's own hook would
            // race it and drop what beans log while they are destroyed
            settings.put("shutdown.hook", "false");
        }
        try {
            GatewayLoggers.configure(settings);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "gateway-log was started before Spring Boot initialized logging, so the gateway.log.* "
                            + "properties of the Spring Environment cannot apply; "
                            + "do not log through gateway-log before SpringApplication.run",
                    e);
        }
        bind();
    }

    /** Binds with the level-tracking backend, unless the user named a backend of their own. */
    private static void bind() {
        boolean ours = System.getProperty(BACKEND_PROPERTY) == null;
        if (ours) {
            System.setProperty(BACKEND_PROPERTY, LevelTrackingBackendProvider.class.getName());
        }
        try {
            GatewayLoggers.statistics();
        } catch (InvalidSettingException e) {
            fallBack();
            throw e;
        } finally {
            if (ours) {
                System.clearProperty(BACKEND_PROPERTY);
            }
        }
    }

    /**
     * After invalid settings the next log call would bind again with the same settings and throw; Boot logs
     * its failure report next, so that binds to the console alone.
     */
    private static void fallBack() {
        GatewayLoggers.configure(Map.of(
                "console.enabled", "true",
                "sink.file.enabled", "false",
                "sink.syslog.enabled", "false",
                "sink.kafka.enabled", "false",
                "sink.metrics.enabled", "false",
                "retention.enabled", "false"));
    }
}
