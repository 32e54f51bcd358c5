package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.api.spi.SettingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks at start-up, before any thread starts, that every key set anywhere (code, system properties, the
 * file, the environment; plain, as {@code component.<id>.k} or as {@code <profile>.k}) is a key of the
 * {@link SettingTable}. An unknown key fails start-up naming the nearest known one; a deprecated spelling is
 * reported once naming the new one; keys of a sink that is not on the class path are reported once as
 * ignored (one configuration is often shared by deployments with different sinks).
 */
public final class SettingsValidator {
    private static final String COMPONENT = "component.";
    private static final List<String> PROFILES = List.of(CoreSettings.DEVELOPMENT, CoreSettings.PRODUCTION);

    private final SettingTable table;
    private final List<String> deprecated = new ArrayList<>();
    private final Map<String, List<String>> ignored = new TreeMap<>();

    private SettingsValidator(SettingTable table) {
        this.table = table;
    }

    /**
     * Validates every key of {@code settings} against {@code table}, reporting deprecated and ignored keys.
     *
     * @throws InvalidSettingException naming the first unknown key and the nearest known one
     */
    public static void validate(LayeredSettings settings, SettingTable table, Reporter reporter) {
        SettingsValidator v = new SettingsValidator(table);
        settings.explicitKeys().forEach(v::check);
        settings.environment().forEach(v::checkEnvironment);
        for (String d : v.deprecated) {
            reporter.warn(d);
        }
        v.ignored.forEach((sink, keys) -> reporter.warn("settings of sink '" + sink + "' are ignored: no such sink is"
                + " on the class path (" + String.join(", ", keys) + ")"));
    }

    private void check(String key, String value) {
        String rest = withoutProfile(key);
        boolean perComponent = rest.startsWith(COMPONENT);
        if (perComponent) {
            int dot = rest.indexOf('.', COMPONENT.length());
            if (dot < 0 || !isComponent(rest.substring(COMPONENT.length(), dot))) {
                throw InvalidSettingException.unknown(key, value, null);
            }
            rest = rest.substring(dot + 1);
        }
        SettingKey<?> known = table.find(rest);
        if (known != null) {
            if (perComponent && !known.isPerComponent()) {
                throw new InvalidSettingException(
                        key,
                        value,
                        "'" + known.name() + "' without 'component.<id>.':" + " it applies to every component at once");
            }
            if (!known.isFamily() && !known.name().equals(rest)) {
                deprecated.add("setting '" + key + "' is deprecated: write '"
                        + key.substring(0, key.length() - rest.length()) + known.name() + "'");
            }
            return;
        }
        if (!isSinkKeyAllowed(rest, key)) {
            String nearest = table.nearest(rest);
            throw InvalidSettingException.unknown(
                    key, value, nearest == null ? null : key.substring(0, key.length() - rest.length()) + nearest);
        }
    }

    /** {@code sink.<name>.enabled} of any sink, any key of a sink that declares none, and absent sinks' keys. */
    private boolean isSinkKeyAllowed(String rest, String key) {
        if (!rest.startsWith("sink.") || rest.indexOf('.', 5) < 0) {
            return false;
        }
        String sink = rest.substring(5, rest.indexOf('.', 5));
        if (rest.equals("sink." + sink + ".enabled") || table.openSinks().contains(sink)) {
            return true;
        }
        if (table.presentSinks().contains(sink)) {
            return false;
        }
        ignored.computeIfAbsent(sink, s -> new ArrayList<>()).add(key);
        return true;
    }

    private void checkEnvironment(String variable, String value) {
        String rest = variable.substring(LayeredSettings.ENV_PREFIX.length());
        for (String p : PROFILES) {
            rest = rest.startsWith(SettingTable.envSuffix(p) + "_") ? rest.substring(p.length() + 1) : rest;
        }
        boolean perComponent = false;
        for (LogComponent c : LogComponent.values()) {
            String prefix = SettingTable.envSuffix(COMPONENT + c.id() + ".");
            if (rest.startsWith(prefix)) {
                rest = rest.substring(prefix.length());
                perComponent = true;
            }
        }
        for (SettingKey<?> k : table.keys()) {
            if (matchesEnvironment(k, rest)) {
                if (perComponent && !k.isPerComponent()) {
                    throw new InvalidSettingException(
                            variable,
                            value,
                            "'" + k.name() + "' without 'COMPONENT_<ID>_':" + " it applies to every component at once");
                }
                return;
            }
        }
        // As a dotted key, for the sink rules and the suggestion; underscores may have been dots or dashes.
        String dotted = rest.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        if (!isSinkKeyAllowed(dotted, variable)) {
            String nearest = table.nearest(dotted);
            throw InvalidSettingException.unknown(
                    variable,
                    value,
                    nearest == null
                            ? null
                            : variable.substring(0, variable.length() - rest.length())
                                    + SettingTable.envSuffix(nearest));
        }
    }

    private static boolean matchesEnvironment(SettingKey<?> k, String rest) {
        if (k.isFamily()) {
            return rest.startsWith(SettingTable.envSuffix(k.name()))
                    && rest.length() > k.name().length();
        }
        if (SettingTable.envSuffix(k.name()).equals(rest)) {
            return true;
        }
        return k.aliases().stream().anyMatch(a -> SettingTable.envSuffix(a).equals(rest));
    }

    private static String withoutProfile(String key) {
        for (String p : PROFILES) {
            if (key.startsWith(p + ".")) {
                return key.substring(p.length() + 1);
            }
        }
        return key;
    }

    private static boolean isComponent(String id) {
        for (LogComponent c : LogComponent.values()) {
            if (c.id().equals(id)) {
                return true;
            }
        }
        return false;
    }
}
