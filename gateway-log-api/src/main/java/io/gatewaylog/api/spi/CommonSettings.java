package io.gatewaylog.api.spi;

import io.gatewaylog.api.LogComponent;

/**
 * The core's keys that sinks read too. They belong to the core's table; sinks read them with
 * {@link Settings#get(SettingKey)} instead of repeating their names and defaults.
 *
 * @since 1.0
 */
public final class CommonSettings {
    /** The log root directory. */
    public static final SettingKey<java.nio.file.Path> DIR = SettingKey.builder("dir", SettingParsers.path())
            .defaults("./logs", "/var/log/gateway")
            .allowed("a path")
            .global()
            .build();
    /** The gateway's id, written as {@code asset_id} on every record; empty: none. */
    public static final SettingKey<String> ASSET_ID = SettingKey.builder("asset.id", SettingParsers.string())
            .defaultValue("")
            .allowed("any text")
            .global()
            .build();

    /** The file sink rotates {@code current.log} at this size; the core owns it for its per-component default. */
    public static final SettingKey<Long> ROTATION_SIZE = SettingKey.builder(
                    "rotation.size", SettingParsers.size(1L << 10, 1L << 40, "a size from 1KB to 1TB"))
            .defaults("100MB", "200MB")
            .componentDefault(LogComponent.PROTOCOL, "200MB")
            .allowed("1KB–1TB")
            .build();
    /** Rotated archives kept per component by the file sink. */
    public static final SettingKey<Integer> BACKUPS = SettingKey.builder("backups", SettingParsers.integer(0, 100_000))
            .defaults("10", "20")
            .componentDefault(LogComponent.PROTOCOL, "20")
            .allowed("0–100000")
            .build();

    private CommonSettings() {}
}
