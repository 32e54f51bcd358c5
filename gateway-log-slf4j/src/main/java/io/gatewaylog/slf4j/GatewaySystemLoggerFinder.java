package io.gatewaylog.slf4j;

import io.gatewaylog.slf4j.internal.BridgeTargets;
import io.gatewaylog.slf4j.internal.SystemLoggerBridge;

/**
 * Routes {@link System.Logger} (and the JDK's own platform loggers) into gateway-log, with the same
 * name-to-component routing as SLF4J. The JDK looks for a {@code System.LoggerFinder} service once,
 * on the first {@code System.getLogger} call, and only with the <em>system</em> class loader: this works
 * when {@code gateway-log-slf4j} is on the application class path or module path, not when it is
 * loaded by a child class loader (a servlet container's web application, a plug-in loader).
 *
 * @since 0.6
 */
public final class GatewaySystemLoggerFinder extends System.LoggerFinder {

    /** Called by {@link java.util.ServiceLoader}. */
    public GatewaySystemLoggerFinder() {}

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new SystemLoggerBridge(BridgeTargets.forName(name));
    }
}
