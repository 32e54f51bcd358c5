package io.gatewaylog.it;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import java.util.Map;

/** Logs through every entry point with only gateway-log-api on the class path. */
public final class NoBackendMain {
    private NoBackendMain() {}

    public static void main(String[] args) {
        for (LogComponent c : LogComponent.values()) {
            GatewayLogger log = GatewayLoggers.get(c, "no-backend");
            log.info("hello", Map.of("k", "v"));
            log.atError().field("x", 1).log("fluent");
            if (log.isEnabled(Level.ERROR)) {
                throw new IllegalStateException("the no-op logger claims a level is enabled");
            }
        }
        GatewayLoggers.api("a").error("e", Map.of(), new RuntimeException("x"));
        System.out.println("accepted="
                + GatewayLoggers.statistics().component(LogComponent.API).accepted());
        System.out.println("flushed=" + GatewayLoggers.flush(java.time.Duration.ofSeconds(1)));
        System.out.println("shutdown=" + GatewayLoggers.shutdown());
    }
}
