package io.gatewaylog.slf4j;

import io.gatewaylog.api.Level;
import io.gatewaylog.slf4j.internal.BridgeTargets;
import io.gatewaylog.slf4j.internal.JulLevels;
import java.util.HashMap;
import java.util.Map;
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
    /** The JUL loggers given a level by {@link #syncLevels}: JUL holds loggers weakly, and would lose it. */
    private static final Map<String, Logger> SYNCED = new HashMap<>();

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

    /**
     * Makes java.util.logging's own filtering follow the levels set by logger name in gateway-log (Spring
     * Boot's {@code logging.level.*} and {@code /actuator/loggers}, for one). JUL discards a record below its
     * logger's level before any handler sees it, so without this a name set to DEBUG in gateway-log would
     * stay at the root's threshold for JUL loggers. Each name's JUL logger gets the JUL level of its level
     * (JUL's hierarchy then covers the loggers below it, as gateway-log's names do); names of an earlier call
     * missing now go back to inheriting; and, with the handler installed, the root logger gets the most
     * verbose level the components JUL loggers are routed to accept now, as {@link #install()} sets it. Call it
     * again after each change: it applies the whole table.
     *
     * @param levels gateway-log's levels by logger name (a name and the names below it)
     * @since 0.7
     */
    public static synchronized void syncLevels(Map<String, Level> levels) {
        SYNCED.entrySet().removeIf(e -> {
            if (levels.containsKey(e.getKey())) {
                return false;
            }
            e.getValue().setLevel(null); // inherits again
            return true;
        });
        levels.forEach((name, level) -> {
            Logger logger = SYNCED.computeIfAbsent(name, Logger::getLogger);
            logger.setLevel(JulLevels.threshold(level));
        });
        if (isInstalled()) {
            LogManager.getLogManager().getLogger("").setLevel(JulLevels.threshold(BridgeTargets.mostVerboseLevel()));
        }
    }
}
