package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The syslog sink's settings ({@code sink.syslog.*}), read and validated once at start-up: every invalid
 * value fails with an {@link InvalidSettingException} naming the key, the value and what is allowed.
 */
public final class SyslogConfig {
    /** Prefix of every key of this sink. */
    public static final String PREFIX = "sink.syslog.";

    static final String DEFAULT_TARGETS = "unix:/dev/log,udp:localhost:514";
    static final Duration MAX_DURATION = Duration.ofHours(1);

    /** Message formats. */
    public enum Format { RFC5424, RFC3164 }

    /** How messages are delimited on TCP and TLS. */
    public enum Framing { OCTET_COUNTING, LF }

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
        defaultTargets = s.get(PREFIX + "targets").isEmpty();
        components = components(s);
        facilities = facilities(s);
        format = s.getEnum(PREFIX + "format", Format.class, Format.RFC5424);
        framing = s.getEnum(PREFIX + "framing", Framing.class, Framing.OCTET_COUNTING);
        appName = headerField(s, "app.name", "gateway", 48);
        hostname = headerField(s, "hostname", Hostnames.local(), 255);
        msgIdField = s.get(PREFIX + "msgid.field").map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
        sdId = sdId(s);
        bom = s.getBoolean(PREFIX + "utf8.bom", false);
        long size = s.getSize(PREFIX + "max.message.size", 8 * 1024);
        if (size < 480 || size > 1024 * 1024) {
            // RFC 5424 section 6.1: every receiver must take 480 octets; beyond 1MB it is no longer a log line.
            throw new InvalidSettingException(PREFIX + "max.message.size", s.get(PREFIX + "max.message.size").orElse(""),
                    "a size from 480B to 1MB");
        }
        maxMessageSize = (int) size;
        bufferSize = s.getInt(PREFIX + "buffer.size", 10_000, 1, 10_000_000);
        reconnectDelay = duration(s, "reconnect.delay", Duration.ofMillis(200));
        reconnectMaxDelay = duration(s, "reconnect.max.delay", Duration.ofSeconds(30));
        if (reconnectMaxDelay.compareTo(reconnectDelay) < 0) {
            throw new InvalidSettingException(PREFIX + "reconnect.max.delay", s.get(PREFIX + "reconnect.max.delay")
                    .orElse(reconnectMaxDelay.toString()), "a duration not shorter than reconnect.delay (" + reconnectDelay + ")");
        }
        failbackInterval = duration(s, "failback.interval", Duration.ofSeconds(30));
        connectTimeout = duration(s, "connect.timeout", Duration.ofSeconds(5));
        writeTimeout = duration(s, "write.timeout", Duration.ofSeconds(2));
        // 0: a flush (and so an auth call, which flushes every sink) never waits for the network.
        flushTimeout = durationOrZero(s, "flush.timeout", Duration.ZERO);
        closeTimeout = durationOrZero(s, "close.timeout", Duration.ofSeconds(2));
        trustStore = s.get(PREFIX + "tls.truststore").isPresent() ? s.getPath(PREFIX + "tls.truststore", null) : null;
        if (trustStore != null && !Files.isReadable(trustStore)) {
            throw new InvalidSettingException(PREFIX + "tls.truststore", trustStore.toString(),
                    "a readable PEM file of CA certificates, or a PKCS12 or JKS key store");
        }
        trustStorePassword = s.get(PREFIX + "tls.truststore.password").orElse(null);
        verifyHostname = s.getBoolean(PREFIX + "tls.verify.hostname", true);
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
        String key = PREFIX + "targets";
        String raw = s.get(key).orElse(DEFAULT_TARGETS);
        List<Target> list = new ArrayList<>();
        for (String part : raw.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Target t = Target.parse(part);
            if (t == null || list.contains(t)) {
                throw new InvalidSettingException(key, raw, Target.ALLOWED + ", without repeats; '" + part.trim()
                        + "' is not one");
            }
            list.add(t);
        }
        if (list.isEmpty()) {
            throw new InvalidSettingException(key, raw, Target.ALLOWED);
        }
        return List.copyOf(list);
    }

    private static Set<LogComponent> components(Settings s) {
        String key = PREFIX + "components";
        String raw = s.get(key).orElse("auth");
        String allowed = "'all', 'none' or a comma-separated list of api, protocol, auth, infra, system, metrics";
        String trimmed = raw.trim();
        if (trimmed.equalsIgnoreCase("all")) {
            return EnumSet.allOf(LogComponent.class);
        }
        EnumSet<LogComponent> set = EnumSet.noneOf(LogComponent.class);
        if (trimmed.equalsIgnoreCase("none")) {
            return set;
        }
        for (String part : trimmed.split(",")) {
            try {
                set.add(LogComponent.parse(part));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(key, raw, allowed);
            }
        }
        return set;
    }

    private static Map<LogComponent, Facility> facilities(Settings s) {
        Facility general = facility(s, PREFIX + "facility", Facility.LOCAL0);
        Map<LogComponent, Facility> map = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            // Security events belong on authpriv: the facility that syslog daemons keep readable by root only.
            Facility fallback = c == LogComponent.AUTH ? Facility.AUTHPRIV : general;
            map.put(c, facility(s, PREFIX + "facility." + c.id(), fallback));
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

    private static String headerField(Settings s, String name, String defaultValue, int maxLength) {
        String key = PREFIX + name;
        Optional<String> raw = s.get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String v = raw.get().trim();
        if (v.isEmpty() || v.length() > maxLength || !SdNames.isPrintUsAscii(v)) {
            throw new InvalidSettingException(key, raw.get(), "1 to " + maxLength
                    + " printable US-ASCII characters without spaces (RFC 5424 section 6.2)");
        }
        return v;
    }

    private static String sdId(Settings s) {
        String key = PREFIX + "sd.id";
        String raw = s.get(key).orElse("gateway@32473");
        String v = raw.trim();
        if (v.equalsIgnoreCase("none")) {
            return null;
        }
        if (!SdNames.isValidSdId(v)) {
            throw new InvalidSettingException(key, raw, "an SD-ID of the form name@<enterprise number> (name: 1 to 32 "
                    + "printable US-ASCII characters except '=', ' ', ']', '\"' and '@'), or 'none' to leave out the fields");
        }
        return v;
    }

    private static Duration duration(Settings s, String name, Duration defaultValue) {
        Duration d = s.getDuration(PREFIX + name, defaultValue);
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_DURATION) > 0) {
            throw new InvalidSettingException(PREFIX + name, s.get(PREFIX + name).orElse(d.toString()),
                    "a duration from 1ms to 1h");
        }
        return d;
    }

    private static Duration durationOrZero(Settings s, String name, Duration defaultValue) {
        Duration d = s.getDuration(PREFIX + name, defaultValue);
        if (d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
            throw new InvalidSettingException(PREFIX + name, s.get(PREFIX + name).orElse(d.toString()),
                    "a duration from 0 to 1h");
        }
        return d;
    }
}
