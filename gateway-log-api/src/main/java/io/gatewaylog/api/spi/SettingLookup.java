package io.gatewaylog.api.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Helpers of {@link Settings}' default methods, kept out of the public interface. */
final class SettingLookup {
    private SettingLookup() {}

    /** The key's name, then its deprecated spellings: the new spelling wins when both are set. */
    static List<String> names(SettingKey<?> key) {
        List<String> names = new ArrayList<>(1 + key.aliases().size());
        names.add(key.name());
        names.addAll(key.aliases());
        return names;
    }

    /** The trimmed value of {@code key}, empty when unset or blank. */
    static Optional<String> value(Settings s, String key) {
        return s.get(key).map(String::trim).filter(v -> !v.isEmpty());
    }
}
