package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.SettingParsers;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The syslog sink's settings table ({@code sink.syslog.*}), declared to the core by the provider. Values
 * whose check needs more than a parser (targets, facilities, header fields, the SD-ID) are read as text here
 * and checked by {@link SyslogConfig}; the defaults are all here. Every key is global: the sink has one
 * configuration for all the components it serves.
 */
public final class SyslogKeys {
    static final String PREFIX = "sink.syslog.";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String ONE_MS_TO_1H = "a duration from 1ms to 1h";
    private static final String ZERO_TO_1H = "a duration from 0 to 1h";

    static final SettingKey<String> TARGETS = text("targets", "unix:/dev/log,udp:localhost:514", Target.ALLOWED);
    static final SettingKey<Set<LogComponent>> COMPONENTS = SettingKey.builder(
                    PREFIX + "components", SettingParsers.components())
            .defaultValue("auth")
            .allowed(SettingParsers.COMPONENTS_ALLOWED)
            .global()
            .build();
    static final SettingKey<String> FACILITY = text("facility", "local0", "a facility name or number");
    /** {@code sink.syslog.facility.<component>}; auth's default is {@code authpriv}. */
    static final SettingKey<String> FACILITY_OF = SettingKey.builder(PREFIX + "facility.", SettingParsers.string())
            .family()
            .global()
            .allowed("a facility name or number")
            .build();

    static final SettingKey<SyslogConfig.Format> FORMAT = SettingKey.builder(
                    PREFIX + "format", SettingParsers.enumOf(SyslogConfig.Format.class))
            .defaultValue("rfc5424")
            .global()
            .build();
    static final SettingKey<SyslogConfig.Framing> FRAMING = SettingKey.builder(
                    PREFIX + "framing", SettingParsers.enumOf(SyslogConfig.Framing.class))
            .defaultValue("octet-counting")
            .global()
            .build();
    static final SettingKey<String> APP_NAME = text("app.name", "gateway", "printable US-ASCII");
    /** No default: the local host name. */
    static final SettingKey<String> HOSTNAME = text("hostname", null, "printable US-ASCII");

    static final SettingKey<String> MSGID_FIELD = text("msgid.field", null, "a field name");
    static final SettingKey<String> SD_ID = text("sd.id", "gateway@32473", "an SD-ID or none");
    static final SettingKey<Boolean> UTF8_BOM = SettingKey.builder(PREFIX + "utf8.bom", SettingParsers.bool())
            .defaultValue("false")
            .global()
            .build();
    // RFC 5424 section 6.1: every receiver must take 480 octets; beyond 1MB it is no longer a log line.
    static final SettingKey<Long> MAX_MESSAGE_SIZE = SettingKey.builder(
                    PREFIX + "max.message.size", SettingParsers.size(480, 1024 * 1024, "a size from 480B to 1MB"))
            .defaultValue("8KB")
            .global()
            .build();
    static final SettingKey<Integer> BUFFER_SIZE = SettingKey.builder(
                    PREFIX + "buffer.size", SettingParsers.integer(1, 10_000_000))
            .defaultValue("10000")
            .global()
            .build();
    static final SettingKey<Duration> RECONNECT_DELAY = duration("reconnect.delay", "200ms", true);
    static final SettingKey<Duration> RECONNECT_MAX_DELAY = duration("reconnect.max.delay", "30s", true);
    static final SettingKey<Duration> FAILBACK_INTERVAL = duration("failback.interval", "30s", true);
    static final SettingKey<Duration> CONNECT_TIMEOUT = duration("connect.timeout", "5s", true);
    static final SettingKey<Duration> WRITE_TIMEOUT = duration("write.timeout", "2s", true);
    // 0: a flush (and so an auth call, which flushes every sink) never waits for the network.
    static final SettingKey<Duration> FLUSH_TIMEOUT = duration("flush.timeout", "0ms", false);
    static final SettingKey<Duration> CLOSE_TIMEOUT = duration("close.timeout", "2s", false);
    static final SettingKey<java.nio.file.Path> TRUSTSTORE = SettingKey.builder(
                    PREFIX + "tls.truststore", SettingParsers.path())
            .allowed("a PEM file or a PKCS12 or JKS key store")
            .global()
            .build();
    static final SettingKey<String> TRUSTSTORE_PASSWORD =
            text("tls.truststore.password", null, "the key store's password");
    static final SettingKey<Boolean> VERIFY_HOSTNAME = SettingKey.builder(
                    PREFIX + "tls.verify.hostname", SettingParsers.bool())
            .defaultValue("true")
            .global()
            .build();

    /** The table. */
    public static final List<SettingKey<?>> KEYS = List.of(
            TARGETS,
            COMPONENTS,
            FACILITY,
            FACILITY_OF,
            FORMAT,
            FRAMING,
            APP_NAME,
            HOSTNAME,
            MSGID_FIELD,
            SD_ID,
            UTF8_BOM,
            MAX_MESSAGE_SIZE,
            BUFFER_SIZE,
            RECONNECT_DELAY,
            RECONNECT_MAX_DELAY,
            FAILBACK_INTERVAL,
            CONNECT_TIMEOUT,
            WRITE_TIMEOUT,
            FLUSH_TIMEOUT,
            CLOSE_TIMEOUT,
            TRUSTSTORE,
            TRUSTSTORE_PASSWORD,
            VERIFY_HOSTNAME);

    private SyslogKeys() {}

    private static SettingKey<String> text(String name, String defaultValue, String allowed) {
        return SettingKey.builder(PREFIX + name, (key, raw) -> raw)
                .defaultValue(defaultValue)
                .allowed(allowed)
                .global()
                .build();
    }

    private static SettingKey<Duration> duration(String name, String defaultValue, boolean positive) {
        Duration min = positive ? Duration.ofNanos(1) : Duration.ZERO;
        return SettingKey.builder(
                        PREFIX + name, SettingParsers.duration(min, HOUR, positive ? ONE_MS_TO_1H : ZERO_TO_1H))
                .defaultValue(defaultValue)
                .global()
                .build();
    }
}
