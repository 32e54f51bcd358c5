package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One component's view: an explicit {@code component.<id>.key} beats an explicit {@code key}, which
 * beats the component's default, which beats the profile's default.
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

    /** The key under which a value for {@code key} was found, for error messages. */
    String sourceKey(String key) {
        return root.explicit(prefix + key) != null ? prefix + key : key;
    }

    @Override
    public Optional<String> get(String key) {
        String v = root.explicit(prefix + key);
        if (v == null) {
            v = root.explicit(key);
        }
        if (v == null) {
            v = Defaults.componentDefault(component, key);
        }
        if (v == null) {
            v = Defaults.profileDefault(root.profile(), key);
        }
        return Optional.ofNullable(v);
    }

    @Override
    public Settings forComponent(LogComponent other) {
        return root.forComponent(other);
    }

    @Override
    public Set<String> keysWithPrefix(String p) {
        return root.keysWithPrefix(p);
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        return TypedGetters.bool(this, key, defaultValue);
    }

    @Override
    public int getInt(String key, int defaultValue, int min, int max) {
        return TypedGetters.integer(this, key, defaultValue, min, max);
    }

    @Override
    public long getSize(String key, long defaultValue) {
        return TypedGetters.size(this, key, defaultValue);
    }

    @Override
    public Duration getDuration(String key, Duration defaultValue) {
        return TypedGetters.duration(this, key, defaultValue);
    }

    @Override
    public Path getPath(String key, Path defaultValue) {
        return TypedGetters.path(this, key, defaultValue);
    }

    @Override
    public <E extends Enum<E>> E getEnum(String key, Class<E> type, E defaultValue) {
        return TypedGetters.enumValue(this, key, type, defaultValue);
    }
}
