package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.sink.file.internal.audit.AuditChain;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates every file sink setting before anything is created, so that a bad value fails
 * start-up with a message naming the key, the value and what is allowed.
 *
 * <p>The auth component's security settings ({@code durability}, {@code dir-mode}, {@code file-mode})
 * are taken only from {@code component.auth.sink.file.*}: a global {@code sink.file.file-mode=0644}
 * meant for the other components must not make the audit log world-readable by accident.
 */
public record FileSinkConfig(Path root, Set<PosixFilePermission> rootMode, boolean strictPermissions,
                             Map<LogComponent, FileSettings> components) {
    static final String DIR = "dir";
    static final String PREFIX = "sink.file.";
    /** Refuse log directories other users could change (see {@link DirectoryGuard}); global only. */
    static final String STRICT = PREFIX + "strict.permissions";
    static final String DURABILITY = PREFIX + "durability";
    static final String DIR_MODE = PREFIX + "dir-mode";
    static final String FILE_MODE = PREFIX + "file-mode";
    static final String COMPRESS = PREFIX + "compress";
    static final String LEVEL = PREFIX + "compression-level";
    /** How long the newest rotated file stays uncompressed, for shippers that fell behind (issue #15). */
    static final String COMPRESS_DELAY = PREFIX + "compress.delay";
    static final Duration MAX_COMPRESS_DELAY = Duration.ofDays(1);
    static final String AUDIT = PREFIX + "audit";
    static final String AUDIT_KEY_FILE = PREFIX + "audit.key-file";
    /** The line format, {@code json} (the default) or {@code ecs}; per component. */
    static final String FORMAT = PREFIX + "format";
    static final List<String> KEYS = List.of(DURABILITY, DIR_MODE, FILE_MODE, COMPRESS, LEVEL, COMPRESS_DELAY, AUDIT, AUDIT_KEY_FILE, STRICT,
            PREFIX + "enabled", FORMAT);
    static final long MIN_ROTATION = 1L << 10;
    static final long MAX_ROTATION = 1L << 40;

    private static final Set<PosixFilePermission> OWNER_RWX = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
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
     * Parses every setting of the file sink.
     *
     * @throws InvalidSettingException naming the first invalid setting
     */
    public static FileSinkConfig parse(Settings root) {
        checkKnownKeys(root);
        boolean production = "production".equals(root.profile());
        Path dir = root.getPath(DIR, Paths.get(production ? "/var/log/gateway" : "./logs"));
        boolean strict = root.getBoolean(STRICT, true);
        Map<LogComponent, FileSettings> components = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            FileSettings s = component(root, c, dir, production);
            if (strict) {
                checkNotWritableByOthers(keyOf(root, c, DIR_MODE), s.dirMode());
            }
            components.put(c, s);
        }
        Set<PosixFilePermission> rootMode = FilePermissions.parse(DIR_MODE, root.get(DIR_MODE).orElse("0750"),
                OWNER_RWX, "0750");
        if (strict) {
            checkNotWritableByOthers(DIR_MODE, rootMode);
        }
        return new FileSinkConfig(dir, rootMode, strict, components);
    }

    private static FileSettings component(Settings root, LogComponent c, Path dir, boolean production) {
        Settings s = root.forComponent(c);
        boolean auth = c == LogComponent.AUTH;
        long rotation = s.getSize("rotation.size", production ? 200L << 20 : 100L << 20);
        if (rotation < MIN_ROTATION || rotation > MAX_ROTATION) {
            throw new InvalidSettingException(keyOf(root, c, "rotation.size"), s.get("rotation.size").orElse(""),
                    "a size from 1KB to 1TB");
        }
        int backups = s.getInt("backups", production ? 20 : 10, 0, 100_000);
        boolean compress = s.getBoolean(COMPRESS, true);
        // Level 1 by default: on JSON gateway logs it compresses about 22x against level 6's 30x, for about a
        // third of the CPU, and on a busy gateway the CPU is what the gateway itself needs (issue #8).
        int level = s.getInt(LEVEL, 1, 1, 9);
        Duration compressDelay = s.getDuration(COMPRESS_DELAY, Duration.ZERO);
        if (compressDelay.isNegative() || compressDelay.compareTo(MAX_COMPRESS_DELAY) > 0) {
            throw new InvalidSettingException(keyOf(root, c, COMPRESS_DELAY), s.get(COMPRESS_DELAY).orElse(""),
                    "a duration from 0 to 1d, such as 30s");
        }
        Durability durability = durability(root, c, security(root, s, c, DURABILITY),
                auth ? Durability.FSYNC : Durability.BUFFERED);
        Set<PosixFilePermission> dirMode = FilePermissions.parse(keyOf(root, c, DIR_MODE),
                security(root, s, c, DIR_MODE).orElse(auth ? "0700" : "0750"), OWNER_RWX, auth ? "0700" : "0750");
        Set<PosixFilePermission> fileMode = FilePermissions.parse(keyOf(root, c, FILE_MODE),
                security(root, s, c, FILE_MODE).orElse(auth ? "0600" : "0640"), OWNER_RW, auth ? "0600" : "0640");
        // Whether auth is sealed is auth's own setting: a global sink.file.audit=false must not switch it off.
        boolean audit = auth && security(root, s, c, AUDIT).map(v -> bool(componentKey(c, AUDIT), v)).orElse(true);
        byte[] auditKey = audit ? auditKey(root, s, c) : null;
        return new FileSettings(c, dir.resolve(c.id()), rotation, backups, durability, dirMode, fileMode,
                compress, level, audit, auditKey, compressDelay);
    }

    /**
     * Each component's line format ({@code sink.file.format}: {@code json} or {@code ecs}), lower-case.
     *
     * @throws InvalidSettingException naming the key as set, the value and the allowed ones
     */
    public static Map<LogComponent, String> formats(Settings root) {
        Map<LogComponent, String> formats = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            String raw = root.forComponent(c).get(FORMAT).orElse("json");
            String v = raw.trim().toLowerCase(Locale.ROOT);
            if (!v.equals("json") && !v.equals("ecs")) {
                throw new InvalidSettingException(keyOf(root, c, FORMAT), raw, "json or ecs");
            }
            formats.put(c, v);
        }
        return formats;
    }

    private static boolean bool(String key, String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new InvalidSettingException(key, raw, "true or false");
        }
        return v.equals("true");
    }

    /** With strict permissions a directory mode may not let group or others write (they could swap our files). */
    private static void checkNotWritableByOthers(String key, Set<PosixFilePermission> mode) {
        if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new InvalidSettingException(key, FilePermissions.octal(mode), "a mode that does not let group or"
                    + " others write (e.g. 0750) while " + STRICT + "=true: they could rename or replace the log files;"
                    + " set " + STRICT + "=false to allow it");
        }
    }

    /** The audit chain's HMAC key, read now so that a missing or short key fails start-up. */
    private static byte[] auditKey(Settings root, Settings s, LogComponent c) {
        Optional<String> file = s.get(AUDIT_KEY_FILE).map(String::trim).filter(x -> !x.isEmpty());
        if (file.isEmpty()) {
            return null;
        }
        try {
            return AuditChain.readKey(Path.of(file.get()));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSettingException(keyOf(root, c, AUDIT_KEY_FILE), file.get(),
                    "a readable file holding an HMAC key of at least " + AuditChain.MIN_KEY_BYTES + " bytes (" + e.getMessage() + ")");
        }
    }

    /** Auth's security settings come only from its own keys; the others' from the usual precedence. */
    private static Optional<String> security(Settings root, Settings component, LogComponent c, String key) {
        Optional<String> v = c == LogComponent.AUTH ? root.get(componentKey(c, key)) : component.get(key);
        return v.map(String::trim).filter(x -> !x.isEmpty());
    }

    private static Durability durability(Settings root, LogComponent c, Optional<String> raw, Durability def) {
        if (raw.isEmpty()) {
            return def;
        }
        String v = raw.get().toUpperCase(Locale.ROOT);
        for (Durability d : Durability.values()) {
            if (d.name().equals(v)) {
                return d;
            }
        }
        throw new InvalidSettingException(keyOf(root, c, DURABILITY), raw.get(), "buffered, flush or fsync");
    }

    private static String componentKey(LogComponent c, String key) {
        return "component." + c.id() + "." + key;
    }

    /** The key as the user set it: the component's own key if set, else the global one. */
    private static String keyOf(Settings root, LogComponent c, String key) {
        return root.get(componentKey(c, key)).isPresent() ? componentKey(c, key) : key;
    }

    /** A misspelt {@code sink.file.*} key would otherwise be ignored silently. */
    private static void checkKnownKeys(Settings root) {
        checkKnownKeys(root, "");
        for (LogComponent c : LogComponent.values()) {
            checkKnownKeys(root, "component." + c.id() + ".");
        }
    }

    private static void checkKnownKeys(Settings root, String scope) {
        for (String key : root.keysWithPrefix(scope + PREFIX)) {
            // Keys from environment variables come back with dots where we write dashes.
            String normalized = key.substring(scope.length()).replace('-', '.');
            boolean known = KEYS.stream().anyMatch(k -> k.replace('-', '.').equals(normalized));
            if (!known) {
                throw new InvalidSettingException(key, root.get(key).orElse(""),
                        "a file sink setting: " + String.join(", ", KEYS));
            }
        }
    }
}
