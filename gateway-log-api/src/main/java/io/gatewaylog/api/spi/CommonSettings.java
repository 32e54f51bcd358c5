package io.gatewaylog.api.spi;

/**
 * The core's keys that sinks read too. They belong to the core's table; sinks read them with
 * {@link Settings#get(SettingKey)} instead of repeating their names and defaults.
 *
 * @since 1.0
 */
public final class CommonSettings {
    /** The log root directory. */
    public static final SettingKey<java.nio.file.Path> DIR = SettingKey.builder("dir", SettingParsers.path())
            .defaults("./logs", "/var/log/gateway").allowed("a path").global().build();
    /** The gateway's id, written as {@code asset_id} on every record; empty: none. */
    public static final SettingKey<String> ASSET_ID = SettingKey.builder("asset.id", SettingParsers.string())
            .defaultValue("").allowed("any text").global().build();

    private CommonSettings() {
    }
}
