package io.gatewaylog.api.spi;

import io.gatewaylog.api.LogComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Effective settings, resolved with the precedence defaults &lt; file &lt; environment &lt; system
 * properties &lt; code. Keys are dotted and lower-case ({@code rotation.size}); a key {@code k} is read
 * from the system property {@code gateway.log.k}, the environment variable {@code GATEWAY_LOG_K}
 * (dots and dashes as underscores) and the configuration file's key {@code k}. In every source
 * {@code <profile>.k} (say {@code production.k}) beats {@code k} when that profile is active.
 *
 * <p>{@link #get(SettingKey)} reads a key of the settings table with its parser and default; the typed
 * getters read a key by name with a default of the caller's. Both throw {@link InvalidSettingException}
 * naming the key as it was set, the value and what is allowed. Sizes are written like {@code 200MB}
 * (binary units), durations like {@code 500ms}, {@code 0.5s}, {@code 2m}, {@code 1h}, {@code 1d}; a blank
 * value counts as not set.
 *
 * @since 1.0
 */
public interface Settings {

    /** The active profile: {@code development} or {@code production}. */
    String profile();

    /** The raw value of {@code key} after precedence and profile defaults, if any. */
    Optional<String> get(String key);

    /**
     * The settings of one component: {@code get(k)} reads {@code component.<id>.k} first, then {@code k},
     * then the component's defaults. For the auth component, the settings that protect its records
     * ({@code sync}, {@code sanitize.enabled}, {@code sanitize.rules.disabled}, {@code sanitize.keys.allow},
     * {@code retention.days}, {@code sink.file.audit}, {@code sink.file.durability},
     * {@code sink.file.dir.mode}, {@code sink.file.file.mode}) skip the global {@code k}: only
     * {@code component.auth.k} changes them, so a global value meant for the other components cannot
     * weaken the audit trail.
     */
    Settings forComponent(LogComponent component);

    /** Keys starting with {@code prefix} that are set anywhere (defaults excluded). */
    Set<String> keysWithPrefix(String prefix);

    /** The component of a {@link #forComponent} view; empty for the global settings. */
    default Optional<LogComponent> component() {
        return Optional.empty();
    }

    /**
     * The key under which the value of {@code key} was found ({@code component.<id>.k},
     * {@code production.k} or {@code k}), for messages.
     */
    default String keyAsSet(String key) {
        return key;
    }

    /** The spelling under which {@code key} is set ({@link #keyAsSet(String)} of its name or an alias), for messages. */
    default String keyAsSet(SettingKey<?> key) {
        for (String name : SettingLookup.names(key)) {
            if (SettingLookup.value(this, name).isPresent()) {
                return keyAsSet(name);
            }
        }
        return key.name();
    }

    /**
     * The parsed value of {@code key}: its name, then its deprecated spellings, then its default for the
     * profile and this view's component; null when it has none.
     *
     * @throws InvalidSettingException if the value is not allowed
     */
    default <T> T get(SettingKey<T> key) {
        for (String name : SettingLookup.names(key)) {
            Optional<String> raw = SettingLookup.value(this, name);
            if (raw.isPresent()) {
                return key.parse(keyAsSet(name), raw.get());
            }
        }
        String def = key.defaultValue(profile(), component().orElse(null));
        return def == null ? null : key.parse(key.name(), def);
    }

    /** The raw value of {@code key}, or {@code defaultValue}. */
    default String getString(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /** A boolean ({@link SettingParsers#bool}). */
    default boolean getBoolean(String key, boolean defaultValue) {
        return SettingLookup.value(this, key)
                .map(v -> SettingParsers.bool(keyAsSet(key), v))
                .orElse(defaultValue);
    }

    /** An integer from {@code min} to {@code max}. */
    default int getInt(String key, int defaultValue, int min, int max) {
        return SettingLookup.value(this, key)
                .map(v -> SettingParsers.integer(keyAsSet(key), v, min, max))
                .orElse(defaultValue);
    }

    /** A size in bytes. */
    default long getSize(String key, long defaultValue) {
        return SettingLookup.value(this, key)
                .map(v -> SettingParsers.size(keyAsSet(key), v))
                .orElse(defaultValue);
    }

    /** A duration. */
    default Duration getDuration(String key, Duration defaultValue) {
        return SettingLookup.value(this, key)
                .map(v -> SettingParsers.duration(keyAsSet(key), v))
                .orElse(defaultValue);
    }

    /** A file system path. */
    default Path getPath(String key, Path defaultValue) {
        return SettingLookup.value(this, key)
                .map(v -> SettingParsers.path(keyAsSet(key), v))
                .orElse(defaultValue);
    }

    /** An enum constant by name, ignoring case, with {@code -} read as {@code _}. */
    default <E extends Enum<E>> E getEnum(String key, Class<E> type, E defaultValue) {
        return SettingLookup.value(this, key)
                .map(v -> SettingParsers.enumValue(keyAsSet(key), v, type))
                .orElse(defaultValue);
    }
}
