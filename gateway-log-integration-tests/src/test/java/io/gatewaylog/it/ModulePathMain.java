package io.gatewaylog.it;

import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.LogComponent;
import java.time.Duration;
import java.util.Map;

/** Logs once with the API and the core on the module path (this class itself on the class path). */
public final class ModulePathMain {
    private ModulePathMain() {}

    public static void main(String[] args) {
        GatewayLoggers.configure(
                Map.of("console.enabled", "false", "shutdown.hook", "false", "retention.enabled", "false"));
        GatewayLoggers.api("module-path").info("hello", Map.of("k", "v"));
        GatewayLoggers.flush(Duration.ofSeconds(5));
        System.out.println("api-module=" + GatewayLoggers.class.getModule().getName());
        System.out.println("backend-module="
                + GatewayLoggers.statistics().getClass().getModule().getName());
        System.out.println("accepted="
                + GatewayLoggers.statistics().component(LogComponent.API).accepted());
        GatewayLoggers.shutdown();
    }
}
