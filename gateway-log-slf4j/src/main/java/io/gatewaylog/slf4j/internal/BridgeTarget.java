package io.gatewaylog.slf4j.internal;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import java.util.Map;

/**
 * The gateway-log logger behind one bridged logger name, resolved on first use rather than when the
 * library asks for its logger: libraries take loggers in static initialisers, often before the
 * application has configured gateway-log, and resolving binds the backend.
 *
 * <p>A thread that logs through a bridge while it is already inside one (the backend starting up
 * and a sink library logging through SLF4J, or a synchronous sink logging while it writes) would
 * recurse into the backend; such records are not sent on: WARN and ERROR are printed on stderr,
 * the rest dropped.
 */
public final class BridgeTarget {
    private static final ThreadLocal<boolean[]> INSIDE = ThreadLocal.withInitial(() -> new boolean[1]);

    private final String name;
    private volatile LogComponent component;
    private volatile GatewayLogger delegate;
    private volatile boolean wrote;

    BridgeTarget(String name, LogComponent component) {
        this.name = name;
        this.component = component;
    }

    /** The logger name, as the bridged library gave it. */
    public String name() {
        return name;
    }

    /**
     * Routes this name to {@code next} from its next call on: the logger resolved so far is dropped.
     *
     * @return whether this target had sent records (to the component it had until now)
     */
    boolean reroute(LogComponent next) {
        component = next;
        delegate = null;
        return wrote;
    }

    /** The component this name is routed to. */
    public LogComponent component() {
        return component;
    }

    /** Whether a record of {@code level} would be written; one comparison once resolved. */
    public boolean isEnabled(Level level) {
        GatewayLogger d = delegate;
        if (d == null) {
            d = resolve();
            if (d == null) {
                return level.isAtLeast(Level.WARN);
            }
        }
        return d.isEnabled(level);
    }

    /** Sends one record on; {@code fields} and {@code cause} may be null. */
    public void log(Level level, String message, Map<String, ?> fields, Throwable cause) {
        boolean[] inside = INSIDE.get();
        if (inside[0]) {
            Reentrant.print(level, name, message, cause);
            return;
        }
        inside[0] = true;
        try {
            GatewayLogger d = delegate;
            if (d == null) {
                d = resolveInside();
            }
            d.log(level, message, fields, cause);
            if (!wrote) {
                wrote = true; // for a routing set later: these records stay in this component
            }
        } finally {
            inside[0] = false;
        }
    }

    private GatewayLogger resolve() {
        boolean[] inside = INSIDE.get();
        if (inside[0]) {
            return null;
        }
        inside[0] = true;
        try {
            return resolveInside();
        } finally {
            inside[0] = false;
        }
    }

    private GatewayLogger resolveInside() {
        while (true) {
            LogComponent c = component;
            GatewayLogger d = GatewayLoggers.get(c, name);
            delegate = d;
            if (component == c) {
                return d;
            }
            // re-routed meanwhile: the logger just stored may be the old component's
        }
    }
}
