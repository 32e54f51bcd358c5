package io.gatewaylog.spring.internal;

import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.slf4j.internal.BridgeTargets;
import io.gatewaylog.slf4j.internal.ComponentRouting;
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

    /**
     * After invalid settings, what Boot logs next (its failure report) goes to the console alone: the
     * application's sinks are not started with settings that were rejected.
     */
    private static final Map<String, String> FALLBACK = Map.of(
            "console.enabled",
            "true",
            "sink.file.enabled",
            "false",
            "sink.syslog.enabled",
            "false",
            "sink.kafka.enabled",
            "false",
            "sink.metrics.enabled",
            "false",
            "retention.enabled",
            "false");

    /** The bridges' routing (logger-name prefix to component), which the core does not read. */
    static final String ROUTING = "slf4j.components";

    private Startup() {}

    /**
     * Gives the Environment's settings to gateway-log and binds it, so invalid settings fail here.
     *
     * @throws InvalidSettingException naming the setting, as the core's settings do
     * @throws IllegalStateException if gateway-log was started before (its settings could not apply)
     */
    public static void start(Environment environment) {
        Map<String, String> settings = new LinkedHashMap<>(EnvironmentSettings.of(environment));
        if (environment.getProperty(EnvironmentSettings.PREFIX + "shutdown.hook") == null
                && environment.getProperty(BOOT_SHUTDOWN_HOOK, Boolean.class, true)) {
            // Boot's hook closes the contexts and then calls our shutdown handler; the core's own hook would
            // race it and drop what beans log while they are destroyed
            settings.put("shutdown.hook", "false");
        }
        if (environment.getProperty(EnvironmentSettings.PREFIX + "level") == null) {
            settings.put("level", "INFO"); // Boot's default; the core's development profile would say DEBUG
        }
        // binds GatewayLoggers if nothing logged yet; our provider wins over the core's
        GatewayLoggers.get(LogComponent.SYSTEM, "");
        DeferredBackend backend = DeferredBackendProvider.created();
        if (backend == null || backend.isStarted()) {
            throw new IllegalStateException("gateway-log was started before Spring Boot initialized logging (or with "
                    + "another backend, -Dgateway.log.backend), so the gateway.log.* properties of the Spring "
                    + "Environment cannot apply");
        }
        try {
            routeBridges(settings.get(ROUTING));
            backend.start(settings);
        } catch (InvalidSettingException e) {
            backend.start(FALLBACK);
            throw e;
        }
    }

    /**
     * Gives the SLF4J/JUL/System.Logger bridges the Environment's routing. The bridges made loggers before
     * (SpringApplication's, in its constructor); they are re-routed, and the bridge reports any whose records
     * already went to another component. A routing set in code before ({@code BridgeRouting.set}) wins, as
     * code settings do, and the Environment's is reported as unused.
     */
    private static void routeBridges(String table) {
        if (table == null) {
            return; // the bridge's own: -Dgateway.log.slf4j.components, GATEWAY_LOG_SLF4J_COMPONENTS, or none
        }
        ComponentRouting routing = ComponentRouting.parse(ROUTING, table);
        try {
            BridgeTargets.setRouting(routing);
        } catch (IllegalStateException e) {
            Reporter.stderr()
                    .warn(EnvironmentSettings.PREFIX + ROUTING + " of the Spring Environment is not used: "
                            + e.getMessage());
        }
    }
}
