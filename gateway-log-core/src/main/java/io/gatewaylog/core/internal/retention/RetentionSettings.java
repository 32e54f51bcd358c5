package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.core.internal.config.Defaults;
import io.gatewaylog.core.internal.config.Values;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Retention's settings, parsed and validated in one go so that a bad value fails start-up (and the
 * command-line tool) before anything is deleted.
 *
 * <p>Every key may also be given for one profile only, as {@code <profile>.<key>} (for instance
 * {@code production.disk.threshold=90} or {@code production.component.auth.retention.days=730}); such a
 * key beats the same key without the profile, from any source. The per-component days are looked up as
 * {@code <profile>.component.<id>.retention.days}, {@code component.<id>.retention.days},
 * {@code <profile>.retention.days}, {@code retention.days}, then the component's default; except for
 * auth, whose retention is the audit trail's and changes only through its own keys: a global
 * {@code retention.days=7} meant for the other components never shortens it.
 *
 * @param enabled whether the in-process job runs at all ({@code retention.enabled})
 * @param days retention in days per component
 * @param time the time of day of the daily run ({@code retention.time}), in the clock's zone
 * @param thresholdPercent disk usage above which emergency cleanup starts ({@code disk.threshold})
 * @param marginPercent emergency cleanup stops below threshold minus this ({@code retention.emergency.margin})
 * @param emergencyInterval how often disk usage is checked ({@code retention.emergency.interval})
 * @param emergencyAuth whether emergency cleanup may delete auth archives younger than their retention
 *        ({@code retention.emergency.auth}, default false)
 */
public record RetentionSettings(boolean enabled, Map<LogComponent, Integer> days, LocalTime time,
                                double thresholdPercent, double marginPercent, Duration emergencyInterval,
                                boolean emergencyAuth) {
    public static final String ENABLED = "retention.enabled";
    public static final String DAYS = "retention.days";
    public static final String TIME = "retention.time";
    public static final String THRESHOLD = "disk.threshold";
    public static final String MARGIN = "retention.emergency.margin";
    public static final String INTERVAL = "retention.emergency.interval";
    public static final String EMERGENCY_AUTH = "retention.emergency.auth";

    static final int MAX_DAYS = 36_500;
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    private static final Duration MAX_INTERVAL = Duration.ofDays(1);

    public RetentionSettings {
        days = Map.copyOf(days);
    }

    /**
     * Reads and validates every retention setting.
     *
     * @throws InvalidSettingException naming the first invalid key, its value and what is allowed
     */
    public static RetentionSettings parse(Settings settings) {
        Lookup in = new Lookup(settings);
        boolean enabled = in.first(ENABLED).map(v -> Values.bool(v.key, v.value)).orElse(true);
        Map<LogComponent, Integer> days = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            days.put(c, componentDays(in, settings, c));
        }
        LocalTime time = in.first(TIME).map(RetentionSettings::time).orElse(LocalTime.of(3, 0));
        double threshold = in.first(THRESHOLD).map(v -> percent(v, 1, 100)).orElse(85.0);
        double margin = in.first(MARGIN).map(v -> percent(v, 0, 50)).orElse(5.0);
        if (margin >= threshold) {
            throw new InvalidSettingException(MARGIN, format(margin),
                    "percentage points from 0 to 50, less than " + THRESHOLD + " (" + format(threshold) + ")");
        }
        Duration interval = in.first(INTERVAL).map(v -> {
            Duration d = Values.duration(v.key, v.value);
            if (d.compareTo(MIN_INTERVAL) < 0 || d.compareTo(MAX_INTERVAL) > 0) {
                throw new InvalidSettingException(v.key, v.value, "a duration from 100ms to 1d");
            }
            return d;
        }).orElse(Duration.ofSeconds(30));
        boolean emergencyAuth = in.first(EMERGENCY_AUTH).map(v -> Values.bool(v.key, v.value)).orElse(false);
        return new RetentionSettings(enabled, days, time, threshold, margin, interval, emergencyAuth);
    }

    /** The retention of {@code component} in days. */
    public int days(LogComponent component) {
        return days.get(component);
    }

    /** {@link #thresholdPercent()} as a fraction 0..1. */
    public double thresholdRatio() {
        return thresholdPercent / 100.0;
    }

    /** The used fraction emergency cleanup brings the disk under: threshold minus margin. */
    public double targetRatio() {
        return (thresholdPercent - marginPercent) / 100.0;
    }

    private static int componentDays(Lookup in, Settings settings, LogComponent c) {
        String own = "component." + c.id() + "." + DAYS;
        Optional<Raw> raw = in.first(own);
        if (raw.isEmpty() && c == LogComponent.AUTH) {
            // The audit trail's retention: only component.auth.* changes it, never a global key.
            raw = Optional.of(new Raw(own, Defaults.componentDefault(c, DAYS)));
        }
        if (raw.isEmpty()) {
            raw = in.profileOnly(DAYS);
        }
        if (raw.isEmpty()) {
            // The component view resolves the global key and then the component's built-in default.
            raw = settings.forComponent(c).get(DAYS).map(v -> new Raw(settings.get(DAYS).isPresent() ? DAYS : own, v));
        }
        Raw v = raw.orElseThrow(() -> new IllegalStateException("no default retention for " + c.id()));
        return Values.integer(v.key, v.value, 1, MAX_DAYS);
    }

    private static LocalTime time(Raw v) {
        if (!HH_MM.matcher(v.value).matches()) {
            throw new InvalidSettingException(v.key, v.value, "a time of day HH:mm from 00:00 to 23:59");
        }
        return LocalTime.parse(v.value);
    }

    private static double percent(Raw v, double min, double max) {
        String allowed = "a percentage from " + format(min) + " to " + format(max) + ", e.g. 85 or 92.5";
        String number = v.value.endsWith("%") ? v.value.substring(0, v.value.length() - 1).trim() : v.value;
        double d;
        try {
            d = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(v.key, v.value, allowed);
        }
        if (!(d >= min && d <= max)) { // also rejects NaN
            throw new InvalidSettingException(v.key, v.value, allowed);
        }
        return d;
    }

    /** A percentage as people write it: {@code 85}, {@code 92.5}. */
    public static String format(double percent) {
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    }

    /** A raw value and the key it was found under (for error messages). */
    private record Raw(String key, String value) {
    }

    /** Looks keys up with the profile overlay: {@code <profile>.<key>} first, then {@code <key>}. */
    private static final class Lookup {
        private final Settings settings;
        private final String profilePrefix;

        Lookup(Settings settings) {
            this.settings = settings;
            this.profilePrefix = settings.profile() + ".";
        }

        Optional<Raw> first(String key) {
            Optional<Raw> p = profileOnly(key);
            return p.isPresent() ? p : get(key);
        }

        Optional<Raw> profileOnly(String key) {
            return get(profilePrefix + key);
        }

        private Optional<Raw> get(String key) {
            return settings.get(key).map(String::trim).filter(v -> !v.isEmpty()).map(v -> new Raw(key, v));
        }
    }
}
