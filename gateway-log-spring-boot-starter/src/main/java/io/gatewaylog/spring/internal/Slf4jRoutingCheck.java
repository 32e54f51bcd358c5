package io.gatewaylog.spring.internal;

import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.slf4j.internal.BridgeTargets;
import io.gatewaylog.slf4j.internal.ComponentRouting;
import java.util.Map;

/**
 * {@code gateway.log.slf4j.components} cannot come from application.yml: the bridge reads its routing when
 * the first SLF4J logger is made, and Spring makes one (SpringApplication's) before the Environment exists.
 * Rather than ignore such a setting, start-up fails and says where to put it.
 */
final class Slf4jRoutingCheck {
    static final String KEY = "slf4j.components";

    private Slf4jRoutingCheck() {}

    static void check(Map<String, String> settings) {
        String value = settings.get(KEY);
        if (value == null) {
            return;
        }
        String property = EnvironmentSettings.PREFIX + KEY;
        Map<String, String> wanted = ComponentRouting.parse(property, value).describe();
        if (!wanted.equals(BridgeTargets.routing().describe())) {
            throw new InvalidSettingException(
                    property,
                    value,
                    "the same routing as in force; the SLF4J routing is read when the first SLF4J logger is made, "
                            + "before the Spring Environment exists: set it as -D" + ComponentRouting.PROPERTY
                            + " or " + ComponentRouting.ENV + " instead");
        }
    }
}
