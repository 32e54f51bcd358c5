package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.SettingParsers;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The file sink's settings table: every {@code sink.file.*} key with its defaults, declared to the core by
 * {@code FileSinkProvider.settings()}. The dashed spellings of 0.x ({@code sink.file.dir-mode} ...) are
 * deprecated aliases: still read, reported once at start-up. {@code dir}, {@code rotation.size} and
 * {@code backups} are the core's ({@link io.gatewaylog.api.spi.CommonSettings}).
 */
public final class FileSinkKeys {
    static final String PREFIX = "sink.file.";

    /** Refuse log directories other users could change (see {@link DirectoryGuard}); global only. */
    public static final SettingKey<Boolean> STRICT = SettingKey.builder(
                    PREFIX + "strict.permissions", SettingParsers.bool())
            .defaultValue("true")
            .allowed("true or false")
            .global()
            .build();

    public static final SettingKey<Durability> DURABILITY = SettingKey.builder(
                    PREFIX + "durability", FileSinkKeys::durability)
            .defaultValue("buffered")
            .componentDefault(LogComponent.AUTH, "fsync")
            .allowed("buffered, flush or fsync")
            .authOnly()
            .build();
    /** Parsed by {@link FilePermissions} in {@link FileSinkConfig}, whose message names the component's default. */
    public static final SettingKey<String> DIR_MODE = SettingKey.builder(PREFIX + "dir.mode", SettingParsers.string())
            .defaultValue("0750")
            .componentDefault(LogComponent.AUTH, "0700")
            .allowed("octal or rwxr-x---")
            .deprecatedAlias(PREFIX + "dir-mode")
            .authOnly()
            .build();

    public static final SettingKey<String> FILE_MODE = SettingKey.builder(PREFIX + "file.mode", SettingParsers.string())
            .defaultValue("0640")
            .componentDefault(LogComponent.AUTH, "0600")
            .allowed("octal or rw-r-----")
            .deprecatedAlias(PREFIX + "file-mode")
            .authOnly()
            .build();
    public static final SettingKey<Boolean> COMPRESS = SettingKey.builder(PREFIX + "compress", SettingParsers.bool())
            .defaultValue("true")
            .allowed("true or false")
            .build();
    // Level 1 by default: on JSON gateway logs it compresses about 22x against level 6's 30x, for about a
    // third of the CPU, and on a busy gateway the CPU is what the gateway itself needs (issue #8).
    public static final SettingKey<Integer> COMPRESSION_LEVEL = SettingKey.builder(
                    PREFIX + "compression.level", SettingParsers.integer(1, 9))
            .defaultValue("1")
            .allowed("1–9")
            .deprecatedAlias(PREFIX + "compression-level")
            .build();
    /** How long the newest rotated file stays uncompressed, for shippers that fell behind (issue #15). */
    public static final SettingKey<Duration> COMPRESS_DELAY = SettingKey.builder(
                    PREFIX + "compress.delay",
                    SettingParsers.duration(Duration.ZERO, Duration.ofDays(1), "a duration from 0 to 1d, such as 30s"))
            .defaultValue("0s")
            .allowed("0 to 1d")
            .build();
    /** Whether auth is sealed is auth's own setting: a global sink.file.audit=false must not switch it off. */
    public static final SettingKey<Boolean> AUDIT = SettingKey.builder(PREFIX + "audit", FileSinkKeys::strictBool)
            .defaultValue("true")
            .allowed("true or false")
            .authOnly()
            .build();

    public static final SettingKey<String> AUDIT_KEY_FILE = SettingKey.builder(
                    PREFIX + "audit.key.file", SettingParsers.string())
            .allowed("an HMAC key file of at least 16 bytes")
            .deprecatedAlias(PREFIX + "audit.key-file")
            .build();
    /** The line format, {@code json} (the default) or {@code ecs}; per component. */
    public static final SettingKey<String> FORMAT = SettingKey.builder(PREFIX + "format", FileSinkKeys::format)
            .defaultValue("json")
            .allowed("json or ecs")
            .build();

    /** The table, in the README's order. */
    public static final List<SettingKey<?>> KEYS = List.of(
            DURABILITY,
            DIR_MODE,
            FILE_MODE,
            COMPRESS,
            COMPRESSION_LEVEL,
            FORMAT,
            COMPRESS_DELAY,
            STRICT,
            AUDIT,
            AUDIT_KEY_FILE);

    private FileSinkKeys() {}

    private static Durability durability(String key, String raw) {
        String v = raw.trim().toUpperCase(Locale.ROOT);
        for (Durability d : Durability.values()) {
            if (d.name().equals(v)) {
                return d;
            }
        }
        throw new InvalidSettingException(key, raw, "buffered, flush or fsync");
    }

    /** Only {@code true} or {@code false}: the seal of the audit trail is not switched by a "no". */
    private static boolean strictBool(String key, String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new InvalidSettingException(key, raw, "true or false");
        }
        return v.equals("true");
    }

    private static String format(String key, String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("json") && !v.equals("ecs")) {
            throw new InvalidSettingException(key, raw, "json or ecs");
        }
        return v;
    }
}
