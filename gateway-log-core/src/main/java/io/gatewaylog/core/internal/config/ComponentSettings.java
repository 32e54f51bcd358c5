package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.Settings;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One component's view: an explicit {@code component.<id>.key} beats an explicit {@code key}, which
 * beats the component's default, which beats the profile's default. For the auth component the keys of
 * {@link AuthOnlySettings} skip the global {@code key}: only {@code component.auth.key} changes them.
 */
final class ComponentSettings implements Settings {
    private final LayeredSettings root;
    private final LogComponent component;
    private final String prefix;

    ComponentSettings(LayeredSettings root, LogComponent component) {
        this.root = root;
        this.component = component;
        this.prefix = "component." + component.id() + ".";
    }

    @Override
    public String profile() {
        return root.profile();
    }

    @Override
    public Optional<LogComponent> component() {
        return Optional.of(component);
    }

    /** The key under which a value for {@code key} was found, for error messages. */
    @Override
    public String keyAsSet(String key) {
        return root.explicit(prefix + key) != null ? root.keyAsSet(prefix + key) : root.keyAsSet(key);
    }

    @Override
    public Optional<String> get(String key) {
        String v = root.explicit(prefix + key);
        if (v == null && !AuthOnlySettings.isAuthOnly(component, key)) {
            v = root.explicit(key);
        }
        if (v == null) {
            v = root.coreDefault(key, component);
        }
        return Optional.ofNullable(v);
    }

    @Override
    public <T> T get(SettingKey<T> key) {
        List<String> names = KeyResolution.names(key);
        String[] found = root.explicitAny(prefix, names);
        if (found == null && !AuthOnlySettings.isAuthOnly(component, key.name())) {
            found = root.explicitAny("", names);
        }
        return KeyResolution.resolve(this, key, component, found);
    }

    @Override
    public Settings forComponent(LogComponent other) {
        return root.forComponent(other);
    }

    @Override
    public Set<String> keysWithPrefix(String p) {
        return root.keysWithPrefix(p);
    }
}
