package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The settings that protect the auth component's records, which only {@code component.auth.<key>} can
 * change: a global key set for the other components (say {@code sync=false} to make every component
 * buffered, or {@code sink.file.file-mode=0644} for a log shipper) must not weaken the audit trail by
 * accident. The component view ({@link ComponentSettings}) skips the global value of these keys for
 * auth, so every reader of a component's settings gets the rule for free; readers that build keys of
 * their own (retention's profile overlay, the file sink's security keys) must ask {@link #isAuthOnly}.
 *
 * <p>This is the one list. Settings that only add protection (extra sensitive keys, extra patterns,
 * the audit key file) are deliberately not on it: a global one applies to auth as well. The settings table
 * flags the same keys ({@link io.gatewaylog.api.spi.SettingKey#isAuthOnly()}; tests keep the two equal), but
 * the rule reads this list: it must hold even when the sink that declares a key is not on the class path
 * (the retention tool, a view built for a test).
 */
public final class AuthOnlySettings {
    /** The keys, as written without the {@code component.auth.} prefix. */
    public static final List<String> KEYS = List.of(
            "sync",
            "sync.timeout",
            "sanitize.enabled",
            "sanitize.rules.disabled",
            "sanitize.keys.allow",
            "retention.days",
            "sink.file.audit",
            "sink.file.durability",
            "sink.file.dir.mode",
            "sink.file.file.mode");

    private AuthOnlySettings() {}

    /** Whether {@code key} of {@code component} may only be set through {@code component.<id>.<key>}. */
    public static boolean isAuthOnly(LogComponent component, String key) {
        return component == LogComponent.AUTH && isAuthOnly(key);
    }

    /**
     * The keys of the list set globally to a value auth does not take (so that start-up can say once
     * that they apply to the other components only), as {@code key=value}.
     */
    public static List<String> ignoredForAuth(Settings root) {
        List<String> ignored = new ArrayList<>();
        Settings auth = root.forComponent(LogComponent.AUTH);
        // Every spelling the user may have set (sink.file.file-mode as well as sink.file.file.mode), in list order.
        Set<String> set = root.keysWithPrefix("");
        for (String listed : KEYS) {
            for (String key : set) {
                if (!normalized(key).equals(normalized(listed))) {
                    continue;
                }
                Optional<String> global = root.get(key);
                if (global.isPresent()
                        && !global.map(String::trim).equals(auth.get(key).map(String::trim))) {
                    ignored.add(key + "=" + global.get());
                }
            }
        }
        return ignored;
    }

    /** Whether {@code key} is on the list (dashes and dots alike, as environment variables spell them). */
    public static boolean isAuthOnly(String key) {
        String n = normalized(key);
        return KEYS.stream().anyMatch(k -> normalized(k).equals(n));
    }

    private static String normalized(String key) {
        return key.replace('-', '.');
    }
}
