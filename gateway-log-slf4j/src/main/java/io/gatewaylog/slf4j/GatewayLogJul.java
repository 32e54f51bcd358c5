package io.gatewaylog.slf4j;

import io.gatewaylog.slf4j.internal.BridgeTargets;
import io.gatewaylog.slf4j.internal.JulLevels;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Routes java.util.logging into gateway-log:
 * <pre>{@code
 * GatewayLogJul.install();   // early in main()
 * }</pre>
 * {@link #install()} replaces the root logger's handlers (the JDK's console handler, which would
 * print every record a second time) with one {@link GatewayJulHandler}, and lowers the root logger's
 * level to the most verbose level gateway-log accepts for the components JUL loggers are routed to,
 * so that JUL does not discard what gateway-log would write. Loggers with levels or handlers of their
 * own keep them. A later {@code LogManager.reset()} or {@code readConfiguration()} undoes the install.
 *
 * @since 0.6
 */
public final class GatewayLogJul {
    private GatewayLogJul() {}

    /** Installs the handler on the root logger, replacing its others; calling it again changes nothing more. */
    public static synchronized void install() {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            // Removed, not closed: the caller may still hold and use a handler it made.
            root.removeHandler(h);
        }
        root.addHandler(new GatewayJulHandler());
        root.setLevel(JulLevels.threshold(BridgeTargets.mostVerboseLevel()));
    }

    /** Removes every {@link GatewayJulHandler} from the root logger; other handlers are not restored. */
    public static synchronized void uninstall() {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof GatewayJulHandler) {
                root.removeHandler(h);
            }
        }
    }

    /** Whether the root logger has a {@link GatewayJulHandler}. */
    public static boolean isInstalled() {
        for (Handler h : LogManager.getLogManager().getLogger("").getHandlers()) {
            if (h instanceof GatewayJulHandler) {
                return true;
            }
        }
        return false;
    }
}
