package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.Settings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Optional;

/** The typed getters shared by the root and the component views; errors name the key as the user set it. */
final class TypedGetters {
    private TypedGetters() {
    }

    private static String keyName(Settings s, String key) {
        return s instanceof ComponentSettings c ? c.sourceKey(key) : key;
    }

    private static Optional<String> value(Settings s, String key) {
        return s.get(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    static boolean bool(Settings s, String key, boolean def) {
        return value(s, key).map(v -> Values.bool(keyName(s, key), v)).orElse(def);
    }

    static int integer(Settings s, String key, int def, int min, int max) {
        return value(s, key).map(v -> Values.integer(keyName(s, key), v, min, max)).orElse(def);
    }

    static long size(Settings s, String key, long def) {
        return value(s, key).map(v -> Values.size(keyName(s, key), v)).orElse(def);
    }

    static Duration duration(Settings s, String key, Duration def) {
        return value(s, key).map(v -> Values.duration(keyName(s, key), v)).orElse(def);
    }

    static Path path(Settings s, String key, Path def) {
        return value(s, key).map(v -> {
            try {
                return Paths.get(v);
            } catch (InvalidPathException e) {
                throw new InvalidSettingException(keyName(s, key), v, "a file system path");
            }
        }).orElse(def);
    }

    static <E extends Enum<E>> E enumValue(Settings s, String key, Class<E> type, E def) {
        return value(s, key).map(v -> Values.enumValue(keyName(s, key), v, type)).orElse(def);
    }
}
