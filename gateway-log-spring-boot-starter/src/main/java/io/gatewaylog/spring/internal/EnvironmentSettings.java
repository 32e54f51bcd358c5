package io.gatewaylog.spring.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The {@code gateway.log.*} properties of Boot's {@code Environment}, as gateway-log setting keys (the prefix
 * taken off). Names are collected from the application's own property sources (application.yml and
 * .properties, their profile variants, test properties...); each value is then read through the
 * {@code Environment}, so Boot's precedence holds: a system property or environment variable of the same
 * setting beats application.yml. Settings given only as {@code -Dgateway.log.*} or {@code GATEWAY_LOG_*}
 * are not collected: the core reads those itself, in the same order.
 */
public final class EnvironmentSettings {
    /** The prefix of our properties in Boot's Environment, the same as of our system properties. */
    public static final String PREFIX = "gateway.log.";

    private EnvironmentSettings() {}

    /** The settings found, keyed without the prefix, in name order. */
    public static Map<String, String> of(Environment environment) {
        Map<String, String> settings = new TreeMap<>();
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return settings;
        }
        Map<String, StringBuilder> lists = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>(); // a name in several sources: its value is read once, the winning one
        for (PropertySource<?> source : configurable.getPropertySources()) {
            if (isReadByCore(source) || !(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                if (name.startsWith(PREFIX) && seen.add(name)) {
                    collect(environment, name, settings, lists);
                }
            }
        }
        lists.forEach((key, values) -> settings.putIfAbsent(key, values.toString()));
        return settings;
    }

    private static boolean isReadByCore(PropertySource<?> source) {
        String name = source.getName();
        return name.equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)
                || name.equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    }

    /** A YAML list ({@code keys.extra[0]}, {@code keys.extra[1]}) becomes the comma-separated value our keys take. */
    private static void collect(
            Environment environment, String name, Map<String, String> settings, Map<String, StringBuilder> lists) {
        String value = environment.getProperty(name);
        if (value == null) {
            return;
        }
        String key = name.substring(PREFIX.length());
        int bracket = key.indexOf('[');
        if (bracket < 0) {
            settings.putIfAbsent(key, value);
            return;
        }
        StringBuilder list = lists.computeIfAbsent(key.substring(0, bracket), k -> new StringBuilder());
        list.append(list.length() == 0 ? "" : ",").append(value);
    }
}
