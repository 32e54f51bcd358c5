package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The syslog sink's settings ({@code sink.syslog.*}), read and validated once at start-up: every invalid
 * value fails with an {@link InvalidSettingException} naming the key, the value and what is allowed. The keys
 * and their defaults are {@link SyslogKeys}'.
 */
public final class SyslogConfig {
    /** Prefix of every key of this sink. */
    public static final String PREFIX = "sink.syslog.";

    static final String DEFAULT_TARGETS = SyslogKeys.TARGETS.defaultValue("development", null);

    /** Message formats. */
    public enum Format {
        RFC5424,
        RFC3164
    }

    /** How messages are delimited on TCP and TLS. */
    public enum Framing {
        OCTET_COUNTING,
        LF
    }

    final List<Target> targets;
    /** Whether {@code targets} was left at its default: nobody asked for a particular collector. */
    final boolean defaultTargets;

    final Set<LogComponent> components;
    final Map<LogComponent, Facility> facilities;
    final Format format;
    final Framing framing;
    final String appName;
    final String hostname;
    final String msgIdField;
    final String sdId;
    final boolean bom;
    final int maxMessageSize;
    final int bufferSize;
    final Duration reconnectDelay;
    final Duration reconnectMaxDelay;
    final Duration failbackInterval;
    final Duration connectTimeout;
    final Duration writeTimeout;
    final Duration flushTimeout;
    final Duration closeTimeout;
    final Path trustStore;
    final String trustStorePassword;
    final boolean verifyHostname;

    private SyslogConfig(Settings s) {
        targets = targets(s);
        defaultTargets = s.get(SyslogKeys.TARGETS.name()).isEmpty();
        components = s.get(SyslogKeys.COMPONENTS);
        facilities = facilities(s);
        format = s.get(SyslogKeys.FORMAT);
        framing = s.get(SyslogKeys.FRAMING);
        appName = headerField(s, SyslogKeys.APP_NAME, "gateway", 48);
        hostname = headerField(s, SyslogKeys.HOSTNAME, Hostnames.local(), 255);
        msgIdField = s.get(SyslogKeys.MSGID_FIELD);
        sdId = sdId(s);
        bom = s.get(SyslogKeys.UTF8_BOM);
        maxMessageSize = (int) (long) s.get(SyslogKeys.MAX_MESSAGE_SIZE);
        bufferSize = s.get(SyslogKeys.BUFFER_SIZE);
        reconnectDelay = s.get(SyslogKeys.RECONNECT_DELAY);
        reconnectMaxDelay = s.get(SyslogKeys.RECONNECT_MAX_DELAY);
        if (reconnectMaxDelay.compareTo(reconnectDelay) < 0) {
            throw new InvalidSettingException(
                    SyslogKeys.RECONNECT_MAX_DELAY.name(),
                    s.get(SyslogKeys.RECONNECT_MAX_DELAY.name()).orElse(reconnectMaxDelay.toString()),
                    "a duration not shorter than reconnect.delay (" + reconnectDelay + ")");
        }
        failbackInterval = s.get(SyslogKeys.FAILBACK_INTERVAL);
        connectTimeout = s.get(SyslogKeys.CONNECT_TIMEOUT);
        writeTimeout = s.get(SyslogKeys.WRITE_TIMEOUT);
        flushTimeout = s.get(SyslogKeys.FLUSH_TIMEOUT);
        closeTimeout = s.get(SyslogKeys.CLOSE_TIMEOUT);
        trustStore = s.get(SyslogKeys.TRUSTSTORE);
        if (trustStore != null && !Files.isReadable(trustStore)) {
            throw new InvalidSettingException(
                    SyslogKeys.TRUSTSTORE.name(),
                    trustStore.toString(),
                    "a readable PEM file of CA certificates, or a PKCS12 or JKS key store");
        }
        trustStorePassword = s.get(SyslogKeys.TRUSTSTORE_PASSWORD);
        verifyHostname = s.get(SyslogKeys.VERIFY_HOSTNAME);
    }

    /** Reads and validates the settings. */
    public static SyslogConfig from(Settings settings) {
        return new SyslogConfig(settings);
    }

    /** Whether records of {@code component} go to syslog. */
    public boolean accepts(LogComponent component) {
        return components.contains(component);
    }

    /** The targets in order of preference. */
    public List<Target> targets() {
        return targets;
    }

    private static List<Target> targets(Settings s) {
        String key = SyslogKeys.TARGETS.name();
        String raw = s.get(key).orElse(DEFAULT_TARGETS);
        List<Target> list = new ArrayList<>();
        for (String part : raw.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Target t = Target.parse(part);
            if (t == null || list.contains(t)) {
                throw new InvalidSettingException(
                        key, raw, Target.ALLOWED + ", without repeats; '" + part.trim() + "' is not one");
            }
            list.add(t);
        }
        if (list.isEmpty()) {
            throw new InvalidSettingException(key, raw, Target.ALLOWED);
        }
        return List.copyOf(list);
    }

    private static Map<LogComponent, Facility> facilities(Settings s) {
        Facility general = facility(s, SyslogKeys.FACILITY.name(), Facility.LOCAL0);
        Map<LogComponent, Facility> map = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            // Security events belong on authpriv: the facility that syslog daemons keep readable by root only.
            Facility fallback = c == LogComponent.AUTH ? Facility.AUTHPRIV : general;
            map.put(c, facility(s, SyslogKeys.FACILITY_OF.name() + c.id(), fallback));
        }
        return map;
    }

    private static Facility facility(Settings s, String key, Facility defaultValue) {
        Optional<String> raw = s.get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Facility f = Facility.parse(raw.get());
        if (f == null) {
            throw new InvalidSettingException(key, raw.get(), Facility.allowed());
        }
        return f;
    }

    private static String headerField(Settings s, SettingKey<String> setting, String defaultValue, int maxLength) {
        String key = setting.name();
        Optional<String> raw = s.get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String v = raw.get().trim();
        if (v.isEmpty() || v.length() > maxLength || !SdNames.isPrintUsAscii(v)) {
            throw new InvalidSettingException(
                    key,
                    raw.get(),
                    "1 to " + maxLength + " printable US-ASCII characters without spaces (RFC 5424 section 6.2)");
        }
        return v;
    }

    private static String sdId(Settings s) {
        String key = SyslogKeys.SD_ID.name();
        String raw = s.get(key).orElse(SyslogKeys.SD_ID.defaultValue(s.profile(), null));
        String v = raw.trim();
        if (v.equalsIgnoreCase("none")) {
            return null;
        }
        if (!SdNames.isValidSdId(v)) {
            throw new InvalidSettingException(
                    key,
                    raw,
                    "an SD-ID of the form name@<enterprise number> (name: 1 to 32 "
                            + "printable US-ASCII characters except '=', ' ', ']', '\"' and '@'), or 'none' to leave out the fields");
        }
        return v;
    }
}
