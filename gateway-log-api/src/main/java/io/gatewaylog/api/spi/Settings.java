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
 * (dots and dashes as underscores) and the configuration file's key {@code k}.
 *
 * <p>Typed getters throw {@link InvalidSettingException} naming the key, value and what is allowed.
 * Sizes are written like {@code 200MB} (binary units), durations like {@code 500ms}, {@code 0.5s},
 * {@code 2m}, {@code 1h}, {@code 1d}.
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
     * {@code sink.file.dir-mode}, {@code sink.file.file-mode}) skip the global {@code k}: only
     * {@code component.auth.k} changes them, so a global value meant for the other components cannot
     * weaken the audit trail.
     */
    Settings forComponent(LogComponent component);

    /** Keys starting with {@code prefix} that are set anywhere (defaults excluded). */
    Set<String> keysWithPrefix(String prefix);

    default String getString(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    boolean getBoolean(String key, boolean defaultValue);

    int getInt(String key, int defaultValue, int min, int max);

    long getSize(String key, long defaultValue);

    Duration getDuration(String key, Duration defaultValue);

    Path getPath(String key, Path defaultValue);

    /** An enum constant by name, ignoring case, with {@code -} read as {@code _}. */
    <E extends Enum<E>> E getEnum(String key, Class<E> type, E defaultValue);
}
