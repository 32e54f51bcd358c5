package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.core.internal.config.CoreSettings;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
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
public record RetentionSettings(
        boolean enabled,
        Map<LogComponent, Integer> days,
        LocalTime time,
        double thresholdPercent,
        double marginPercent,
        Duration emergencyInterval,
        boolean emergencyAuth) {
    public static final String DAYS = CoreSettings.RETENTION_DAYS.name();
    public static final String THRESHOLD = CoreSettings.DISK_THRESHOLD.name();
    public static final String MARGIN = CoreSettings.EMERGENCY_MARGIN.name();
    public static final String EMERGENCY_AUTH = CoreSettings.EMERGENCY_AUTH.name();

    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    public RetentionSettings {
        days = Map.copyOf(days);
    }

    /**
     * Reads and validates every retention setting.
     *
     * @throws InvalidSettingException naming the first invalid key, its value and what is allowed
     */
    public static RetentionSettings parse(Settings settings) {
        boolean enabled = settings.get(CoreSettings.RETENTION_ENABLED);
        Map<LogComponent, Integer> days = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            // The component view: for auth only component.auth.retention.days counts (AuthOnlySettings).
            days.put(c, settings.forComponent(c).get(CoreSettings.RETENTION_DAYS));
        }
        LocalTime time = time(settings, CoreSettings.RETENTION_TIME);
        double threshold = percent(settings, CoreSettings.DISK_THRESHOLD, 1, 100);
        double margin = percent(settings, CoreSettings.EMERGENCY_MARGIN, 0, 50);
        if (margin >= threshold) {
            throw new InvalidSettingException(
                    MARGIN,
                    format(margin),
                    "percentage points from 0 to 50, less than " + THRESHOLD + " (" + format(threshold) + ")");
        }
        Duration interval = settings.get(CoreSettings.EMERGENCY_INTERVAL);
        boolean emergencyAuth = settings.get(CoreSettings.EMERGENCY_AUTH);
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

    private static LocalTime time(Settings settings, SettingKey<String> key) {
        String v = settings.get(key);
        if (!HH_MM.matcher(v).matches()) {
            throw new InvalidSettingException(
                    settings.keyAsSet(key.name()), v, "a time of day HH:mm from 00:00 to 23:59");
        }
        return LocalTime.parse(v);
    }

    private static double percent(Settings settings, SettingKey<String> key, double min, double max) {
        String v = settings.get(key);
        String k = settings.keyAsSet(key.name());
        String allowed = "a percentage from " + format(min) + " to " + format(max) + ", e.g. 85 or 92.5";
        String number = v.endsWith("%") ? v.substring(0, v.length() - 1).trim() : v;
        double d;
        try {
            d = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(k, v, allowed);
        }
        if (!(d >= min && d <= max)) { // also rejects NaN
            throw new InvalidSettingException(k, v, allowed);
        }
        return d;
    }

    /** A percentage as people write it: {@code 85}, {@code 92.5}. */
    public static String format(double percent) {
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    }
}
