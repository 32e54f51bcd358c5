package io.gatewaylog.slf4j;

import io.gatewaylog.slf4j.internal.BridgeTargets;
import io.gatewaylog.slf4j.internal.ComponentRouting;
import java.util.List;

/**
 * Sets the bridges' routing (logger-name prefix to component, the table {@code gateway.log.slf4j.components}
 * holds) from code, for applications that keep it in a configuration of their own:
 * <pre>{@code
 * BridgeRouting.set("com.acme.proto=protocol,org.apache.http=infra");   // early in main()
 * }</pre>
 * It can be set once, and wins over the system property and the environment variable. Set before the first
 * bridged logger writes a record, it applies to every record. Set later, the loggers made so far are
 * re-routed for their next records, and those that had already written records under the previous routing,
 * to a component the new one does not give them, are reported on stderr (and returned): their earlier
 * records stay where they went.
 *
 * @since 0.7
 */
public final class BridgeRouting {
    private BridgeRouting() {}

    /**
     * Sets the routing, once; setting the same table again changes nothing.
     *
     * @param table comma-separated {@code <logger-prefix>=<component>} pairs, {@code *=<component>} for the
     *     default (as {@code gateway.log.slf4j.components}); null or empty routes everything to {@code system}
     * @return the names of the bridged loggers whose earlier records went to another component than the new
     *     routing gives them; empty when set in time
     * @throws io.gatewaylog.api.spi.InvalidSettingException if the table is invalid (nothing changes then)
     * @throws IllegalStateException if a different table was set before
     */
    public static List<String> set(String table) {
        return BridgeTargets.setRouting(ComponentRouting.parse(ComponentRouting.PROPERTY, table));
    }
}
