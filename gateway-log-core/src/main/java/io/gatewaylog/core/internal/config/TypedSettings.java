package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.spi.Settings;
import java.nio.file.Path;
import java.time.Duration;

/** The typed getters of every {@link Settings} view, parsed by {@link TypedGetters} from {@link #get}. */
abstract class TypedSettings implements Settings {

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
