package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * How the core's views read a {@link SettingKey}: every spelling is tried at each level of precedence before
 * the next level (a reviewer found that trying the new spelling through every source first let an environment
 * variable, which spells both alike, beat a deprecated key set in code or per component).
 */
final class KeyResolution {
    private KeyResolution() {}

    /** The key's name, then its deprecated spellings. */
    static List<String> names(SettingKey<?> key) {
        List<String> names = new ArrayList<>(1 + key.aliases().size());
        names.add(key.name());
        names.addAll(key.aliases());
        return names;
    }

    /** The parsed value {@code found} ({name as set, raw value}) holds, else the key's default; null if none. */
    static <T> T resolve(Settings view, SettingKey<T> key, LogComponent component, String[] found) {
        if (found != null && !found[1].trim().isEmpty()) {
            return key.parse(found[0], found[1].trim());
        }
        String def = key.defaultValue(view.profile(), component);
        return def == null ? null : key.parse(key.name(), def);
    }
}
