package io.gatewaylog.core.internal.config;

import static io.gatewaylog.api.LogComponent.API;
import static io.gatewaylog.api.LogComponent.AUTH;
import static io.gatewaylog.api.LogComponent.INFRA;
import static io.gatewaylog.api.LogComponent.METRICS;
import static io.gatewaylog.api.LogComponent.PROTOCOL;
import static io.gatewaylog.api.LogComponent.SYSTEM;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.spi.CommonSettings;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.SettingParsers;
import io.gatewaylog.core.internal.console.ConsoleSink;
import java.time.Duration;
import java.util.List;

/**
 * The core's settings table: its own keys, retention's and the sanitizer's, with every default the core
 * has. This is the one place those defaults are written; readers ask {@link io.gatewaylog.api.spi.Settings#get}
 * with these keys, and the README's tables are checked against this one by a test.
 */
public final class CoreSettings {
    public static final String DEVELOPMENT = "development";
    public static final String PRODUCTION = "production";

    public static final SettingKey<String> PROFILE = string("profile")
            .defaultValue(DEVELOPMENT)
            .allowed("development or production")
            .global()
            .build();
    public static final SettingKey<String> CONFIG =
            string("config").allowed("a .properties file").global().build();
    /** Read by {@code GatewayLoggers} itself (system property {@code gateway.log.backend}); listed so it is known. */
    public static final SettingKey<String> BACKEND =
            string("backend").allowed("a backend class name").global().build();
    /** Read by the SLF4J bridge itself; listed so it is known. */
    public static final SettingKey<String> SLF4J_COMPONENTS = string("slf4j.components")
            .allowed("<logger-prefix>=<component> pairs")
            .global()
            .build();

    public static final SettingKey<Level> LEVEL = SettingKey.builder("level", CoreSettings::level)
            .defaults("DEBUG", "INFO")
            .allowed("TRACE, DEBUG, INFO, WARN or ERROR")
            .build();
    public static final SettingKey<Integer> BUFFER_SIZE = SettingKey.builder(
                    "buffer.size", SettingParsers.integer(1, 10_000_000))
            .defaults("1000", "5000")
            .componentDefault(PROTOCOL, "5000")
            .componentDefault(METRICS, "10000")
            .build();
    public static final SettingKey<Integer> BUFFER_MAX = SettingKey.builder(
                    "buffer.max", SettingParsers.integer(1, 100_000_000))
            .defaults("10000", "50000")
            .componentDefault(PROTOCOL, "50000")
            .componentDefault(METRICS, "100000")
            .build();
    public static final SettingKey<Long> BUFFER_MAX_BYTES = SettingKey.builder(
                    "buffer.max.bytes",
                    SettingParsers.size(64L << 10, 1L << 40, "a size from 64KB to 1TB, such as 64MB"))
            .defaultValue("64MB")
            .build();
    public static final SettingKey<Duration> FLUSH_INTERVAL = SettingKey.builder(
                    "flush.interval",
                    SettingParsers.duration(Duration.ofMillis(1), Duration.ofHours(1), "a duration from 1ms to 1h"))
            .defaultValue("1s")
            .componentDefault(PROTOCOL, "500ms")
            .componentDefault(METRICS, "500ms")
            .build();
    public static final SettingKey<OverflowPolicy> OVERFLOW = SettingKey.builder(
                    "overflow", SettingParsers.enumOf(OverflowPolicy.class))
            .defaultValue("block")
            .build();
    public static final SettingKey<Boolean> SYNC = bool("sync")
            .defaultValue("false")
            .componentDefault(AUTH, "true")
            .authOnly()
            .build();
    public static final SettingKey<Duration> SYNC_TIMEOUT = SettingKey.builder(
                    "sync.timeout",
                    SettingParsers.duration(
                            Duration.ZERO, Duration.ofMinutes(10), "a duration from 0ms to 10m, such as 1s"))
            .defaultValue("1s")
            .authOnly()
            .build();
    public static final SettingKey<Boolean> SANITIZE_ENABLED =
            bool("sanitize.enabled").defaultValue("true").authOnly().build();
    public static final SettingKey<String> SANITIZE_RULES_DISABLED = string("sanitize.rules.disabled")
            .authOnly()
            .allowed("built-in rule ids")
            .build();
    public static final SettingKey<String> SANITIZE_KEYS_EXTRA =
            string("sanitize.keys.extra").allowed("key names").build();
    public static final SettingKey<String> SANITIZE_KEYS_ALLOW =
            string("sanitize.keys.allow").authOnly().allowed("key names").build();
    public static final SettingKey<String> SANITIZE_PATTERNS = string("sanitize.patterns.")
            .family()
            .allowed("a Java regular expression")
            .build();
    public static final SettingKey<Integer> RETENTION_DAYS = SettingKey.builder(
                    "retention.days", SettingParsers.integer(1, 36_500))
            .componentDefault(PROTOCOL, "30")
            .componentDefault(SYSTEM, "90")
            .componentDefault(INFRA, "60")
            .componentDefault(API, "30")
            .componentDefault(AUTH, "365")
            .componentDefault(METRICS, "7")
            .authOnly()
            .build();
    public static final SettingKey<Boolean> RETENTION_ENABLED =
            bool("retention.enabled").defaultValue("true").global().build();
    public static final SettingKey<String> RETENTION_TIME = string("retention.time")
            .defaultValue("03:00")
            .allowed("HH:mm")
            .global()
            .build();
    public static final SettingKey<String> DISK_THRESHOLD = string("disk.threshold")
            .defaultValue("85")
            .allowed("a percentage from 1 to 100")
            .global()
            .build();
    public static final SettingKey<String> EMERGENCY_MARGIN = string("retention.emergency.margin")
            .defaultValue("5")
            .allowed("percentage points from 0 to 50")
            .global()
            .build();
    public static final SettingKey<Duration> EMERGENCY_INTERVAL = SettingKey.builder(
                    "retention.emergency.interval",
                    SettingParsers.duration(Duration.ofMillis(100), Duration.ofDays(1), "a duration from 100ms to 1d"))
            .defaultValue("30s")
            .global()
            .build();
    public static final SettingKey<Boolean> EMERGENCY_AUTH =
            bool("retention.emergency.auth").defaultValue("false").global().build();
    public static final SettingKey<Integer> MAX_VALUE_LENGTH = SettingKey.builder(
                    "max.value.length", SettingParsers.integer(64, 100_000_000))
            .defaultValue("32768")
            .global()
            .build();
    public static final SettingKey<String> PROCESS_NAME =
            string("process.name").defaultValue("gateway").global().build();
    public static final SettingKey<Boolean> CONSOLE_ENABLED =
            bool("console.enabled").defaults("true", "false").global().build();
    public static final SettingKey<ConsoleSink.Format> CONSOLE_FORMAT = SettingKey.builder(
                    "console.format", SettingParsers.enumOf(ConsoleSink.Format.class))
            .defaults("text", "json")
            .build();
    public static final SettingKey<Duration> SHUTDOWN_TIMEOUT = SettingKey.builder(
                    "shutdown.timeout",
                    SettingParsers.duration(Duration.ZERO, Duration.ofNanos(Long.MAX_VALUE), "a duration"))
            .defaultValue("10s")
            .global()
            .build();
    public static final SettingKey<Boolean> SHUTDOWN_HOOK =
            bool("shutdown.hook").defaultValue("true").global().build();

    /** Every key of the core, in the order of the README. */
    public static final List<SettingKey<?>> KEYS = List.of(
            PROFILE,
            CommonSettings.DIR,
            CONFIG,
            LEVEL,
            CommonSettings.ROTATION_SIZE,
            CommonSettings.BACKUPS,
            BUFFER_SIZE,
            BUFFER_MAX,
            BUFFER_MAX_BYTES,
            FLUSH_INTERVAL,
            OVERFLOW,
            SYNC,
            SYNC_TIMEOUT,
            SANITIZE_ENABLED,
            RETENTION_DAYS,
            DISK_THRESHOLD,
            MAX_VALUE_LENGTH,
            CommonSettings.ASSET_ID,
            PROCESS_NAME,
            CONSOLE_ENABLED,
            CONSOLE_FORMAT,
            SHUTDOWN_TIMEOUT,
            SHUTDOWN_HOOK,
            SANITIZE_RULES_DISABLED,
            SANITIZE_KEYS_EXTRA,
            SANITIZE_KEYS_ALLOW,
            SANITIZE_PATTERNS,
            RETENTION_ENABLED,
            RETENTION_TIME,
            EMERGENCY_MARGIN,
            EMERGENCY_INTERVAL,
            EMERGENCY_AUTH,
            BACKEND,
            SLF4J_COMPONENTS);

    private CoreSettings() {}

    /** The core key named {@code name} (not a family), or null. */
    static SettingKey<?> byName(String name) {
        for (SettingKey<?> k : KEYS) {
            if (!k.isFamily() && k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }

    private static SettingKey.Builder<String> string(String name) {
        return SettingKey.builder(name, SettingParsers.string());
    }

    private static SettingKey.Builder<Boolean> bool(String name) {
        return SettingKey.builder(name, SettingParsers.bool()).allowed("true or false");
    }

    private static Level level(String key, String raw) {
        try {
            return Level.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, raw, "TRACE, DEBUG, INFO, WARN or ERROR");
        }
    }
}
