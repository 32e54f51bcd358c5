package io.gatewaylog.slf4j.internal;

import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.Reporter;
import java.util.List;

/**
 * The one table of bridged loggers shared by SLF4J, java.util.logging and System.Logger, so that a
 * name is routed the same way whichever API a library uses. The routing is read once, on first use,
 * unless {@link #setRouting} set it in code.
 */
public final class BridgeTargets {
    private static final TargetTable TABLE = new TargetTable(ComponentRouting::fromEnvironment, Reporter.stderr());

    private BridgeTargets() {}

    /** The target of the logger named {@code name}; the same instance for the same name. */
    public static BridgeTarget forName(String name) {
        return TABLE.forName(name);
    }

    /** The routing in force (from {@code gateway.log.slf4j.components} or its environment variable). */
    public static ComponentRouting routing() {
        return TABLE.routing();
    }

    /**
     * Sets the routing in code, once, over the environment's: loggers made so far are re-routed; those that
     * already wrote records elsewhere are reported on stderr and returned.
     *
     * @throws IllegalStateException if a different routing was set before
     */
    public static List<String> setRouting(ComponentRouting routing) {
        return TABLE.setRouting(routing);
    }

    /** The most verbose level any component a bridged logger can reach accepts now. */
    public static Level mostVerboseLevel() {
        Level most = Level.ERROR;
        for (LogComponent c : routing().components()) {
            Level l = GatewayLoggers.get(c, "").level();
            if (!l.isAtLeast(most)) {
                most = l;
            }
        }
        return most;
    }
}
