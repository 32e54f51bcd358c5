package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.CommonSettings;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.sink.file.internal.audit.AuditChain;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates every file sink setting before anything is created, so that a bad value fails
 * start-up with a message naming the key, the value and what is allowed.
 *
 * <p>The auth component's security settings ({@code durability}, {@code dir.mode}, {@code file.mode},
 * {@code audit}) are taken only from {@code component.auth.sink.file.*} (the component view's auth-only
 * rule): a global {@code sink.file.file.mode=0644} meant for the other components must not make the audit
 * log world-readable by accident. Unknown {@code sink.file.*} keys are refused by the core's start-up check.
 */
public record FileSinkConfig(
        Path root,
        Set<PosixFilePermission> rootMode,
        boolean strictPermissions,
        Map<LogComponent, FileSettings> components) {
    static final String DIR = CommonSettings.DIR.name();
    static final String STRICT = FileSinkKeys.STRICT.name();

    private static final Set<PosixFilePermission> OWNER_RWX = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final Set<PosixFilePermission> OWNER_RW =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    public FileSinkConfig {
        components = Map.copyOf(components);
    }

    /** The settings of one component. */
    public FileSettings component(LogComponent c) {
        return components.get(c);
    }

    /**
     * Parses every setting of the file sink (keys and defaults: {@link FileSinkKeys}).
     *
     * @throws InvalidSettingException naming the first invalid setting
     */
    public static FileSinkConfig parse(Settings root) {
        checkKnownKeys(root);
        Path dir = root.get(CommonSettings.DIR);
        boolean strict = root.get(FileSinkKeys.STRICT);
        Map<LogComponent, FileSettings> components = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            Settings s = root.forComponent(c);
            FileSettings settings = component(s, c, dir);
            if (strict) {
                checkNotWritableByOthers(s.keyAsSet(FileSinkKeys.DIR_MODE), settings.dirMode());
            }
            components.put(c, settings);
        }
        Set<PosixFilePermission> rootMode = mode(root, FileSinkKeys.DIR_MODE, OWNER_RWX);
        if (strict) {
            checkNotWritableByOthers(root.keyAsSet(FileSinkKeys.DIR_MODE), rootMode);
        }
        return new FileSinkConfig(dir, rootMode, strict, components);
    }

    /** One component's settings; auth's security keys come only from component.auth.* (the view's rule). */
    private static FileSettings component(Settings s, LogComponent c, Path dir) {
        boolean auth = c == LogComponent.AUTH;
        boolean audit = auth && s.get(FileSinkKeys.AUDIT);
        byte[] auditKey = audit ? auditKey(s) : null;
        return new FileSettings(
                c,
                dir.resolve(c.id()),
                s.get(CommonSettings.ROTATION_SIZE),
                s.get(CommonSettings.BACKUPS),
                s.get(FileSinkKeys.DURABILITY),
                mode(s, FileSinkKeys.DIR_MODE, OWNER_RWX),
                mode(s, FileSinkKeys.FILE_MODE, OWNER_RW),
                s.get(FileSinkKeys.COMPRESS),
                s.get(FileSinkKeys.COMPRESSION_LEVEL),
                audit,
                auditKey,
                s.get(FileSinkKeys.COMPRESS_DELAY));
    }

    /** A mode; a bad one's message gives the view's own default as the example. */
    private static Set<PosixFilePermission> mode(
            Settings s, SettingKey<String> key, Set<PosixFilePermission> required) {
        String example = key.defaultValue(s.profile(), s.component().orElse(null));
        return FilePermissions.parse(s.keyAsSet(key), s.get(key), required, example);
    }

    /**
     * Each component's line format ({@code sink.file.format}: {@code json} or {@code ecs}), lower-case.
     *
     * @throws InvalidSettingException naming the key as set, the value and the allowed ones
     */
    public static Map<LogComponent, String> formats(Settings root) {
        Map<LogComponent, String> formats = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            formats.put(c, root.forComponent(c).get(FileSinkKeys.FORMAT));
        }
        return formats;
    }

    /** With strict permissions a directory mode may not let group or others write (they could swap our files). */
    private static void checkNotWritableByOthers(String key, Set<PosixFilePermission> mode) {
        if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new InvalidSettingException(
                    key,
                    FilePermissions.octal(mode),
                    "a mode that does not let group or"
                            + " others write (e.g. 0750) while " + STRICT
                            + "=true: they could rename or replace the log files;"
                            + " set " + STRICT + "=false to allow it");
        }
    }

    /** The audit chain's HMAC key, read now so that a missing or short key fails start-up. */
    private static byte[] auditKey(Settings s) {
        String file = s.get(FileSinkKeys.AUDIT_KEY_FILE);
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return AuditChain.readKey(Path.of(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSettingException(
                    s.keyAsSet(FileSinkKeys.AUDIT_KEY_FILE),
                    file,
                    "a readable file holding" + " an HMAC key of at least " + AuditChain.MIN_KEY_BYTES + " bytes ("
                            + e.getMessage() + ")");
        }
    }

    /**
     * A misspelt {@code sink.file.*} key fails here too, for a configuration parsed without the backend's
     * start-up check (which names the nearest key); keys from environment variables come back with dots.
     */
    private static void checkKnownKeys(Settings root) {
        List<String> names = FileSinkKeys.KEYS.stream().map(SettingKey::name).toList();
        for (String scope : scopes()) {
            for (String key : root.keysWithPrefix(scope + FileSinkKeys.PREFIX)) {
                String bare = key.substring(scope.length());
                String dotted = bare.replace('-', '.');
                boolean known = bare.equals(FileSinkKeys.PREFIX + "enabled")
                        || FileSinkKeys.KEYS.stream()
                                .anyMatch(k -> k.matches(bare) || k.name().equals(dotted));
                if (!known) {
                    throw new InvalidSettingException(
                            key, root.get(key).orElse(""), "a file sink setting: " + String.join(", ", names));
                }
            }
        }
    }

    private static List<String> scopes() {
        List<String> scopes = new ArrayList<>(List.of(""));
        for (LogComponent c : LogComponent.values()) {
            scopes.add("component." + c.id() + ".");
        }
        return scopes;
    }
}
