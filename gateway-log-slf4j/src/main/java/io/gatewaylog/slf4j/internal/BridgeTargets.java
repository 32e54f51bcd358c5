package io.gatewaylog.slf4j.internal;

import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one table of bridged loggers shared by SLF4J, java.util.logging and System.Logger, so that a
 * name is routed the same way whichever API a library uses. The routing is read once, on first use.
 */
public final class BridgeTargets {
    private static final ConcurrentMap<String, BridgeTarget> TARGETS = new ConcurrentHashMap<>();
    private static volatile ComponentRouting routing;

    private BridgeTargets() {}

    /** The target of the logger named {@code name}; the same instance for the same name. */
    public static BridgeTarget forName(String name) {
        String n = name == null ? "" : name;
        BridgeTarget t = TARGETS.get(n);
        return t != null
                ? t
                : TARGETS.computeIfAbsent(n, k -> new BridgeTarget(k, routing().componentOf(k)));
    }

    /** The routing in force (from {@code gateway.log.slf4j.components} or its environment variable). */
    public static ComponentRouting routing() {
        ComponentRouting r = routing;
        if (r == null) {
            synchronized (BridgeTargets.class) {
                r = routing;
                if (r == null) {
                    r = ComponentRouting.fromEnvironment();
                    routing = r;
                }
            }
        }
        return r;
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
