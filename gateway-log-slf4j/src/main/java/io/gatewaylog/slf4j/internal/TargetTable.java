package io.gatewaylog.slf4j.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The bridged loggers by name and the routing that gives each its component. The routing comes from the
 * environment on first use unless {@link #setRouting} gave one first; set later, it re-routes the loggers
 * made so far (each resolves its new component's logger on its next call), and the loggers that had already
 * sent records to another component are reported: those records stay where they went.
 */
final class TargetTable {
    private final ConcurrentMap<String, BridgeTarget> targets = new ConcurrentHashMap<>();
    private final Supplier<ComponentRouting> initial;
    private final Reporter reporter;
    private volatile ComponentRouting routing;
    private boolean setInCode; // guarded by this

    TargetTable(Supplier<ComponentRouting> initial, Reporter reporter) {
        this.initial = initial;
        this.reporter = reporter;
    }

    BridgeTarget forName(String name) {
        String n = name == null ? "" : name;
        BridgeTarget t = targets.get(n);
        if (t != null) {
            return t;
        }
        synchronized (this) { // once per name: a routing set meanwhile cannot miss the new target
            return targets.computeIfAbsent(n, k -> new BridgeTarget(k, routing().componentOf(k)));
        }
    }

    ComponentRouting routing() {
        ComponentRouting r = routing;
        if (r == null) {
            synchronized (this) {
                r = routing;
                if (r == null) {
                    r = initial.get();
                    routing = r;
                }
            }
        }
        return r;
    }

    /**
     * Sets the routing, once: it replaces the environment's and re-routes the loggers made so far.
     *
     * @return the names of loggers that had sent records before and are routed elsewhere now; empty when set
     *     in time (before any bridged logger wrote a record it now routes differently)
     * @throws IllegalStateException if a different routing was set before
     */
    synchronized List<String> setRouting(ComponentRouting next) {
        Objects.requireNonNull(next, "routing");
        if (setInCode) {
            if (next.describe().equals(routing.describe())) {
                return List.of();
            }
            throw new IllegalStateException("the bridge's routing was set before, to " + routing.describe()
                    + ", and can be set once; refused: " + next.describe());
        }
        setInCode = true;
        routing = next;
        List<String> late = new ArrayList<>();
        for (BridgeTarget t : targets.values()) {
            LogComponent c = next.componentOf(t.name());
            if (c != t.component() && t.reroute(c)) {
                late.add(t.name());
            }
        }
        if (!late.isEmpty()) {
            late.sort(null);
            reporter.warn("the bridge's routing was set after " + late.size() + " bridged logger(s) had written "
                    + "records under the previous one; their later records follow the new routing, the earlier "
                    + "ones stay in the component they went to: " + late);
        }
        return List.copyOf(late);
    }
}
