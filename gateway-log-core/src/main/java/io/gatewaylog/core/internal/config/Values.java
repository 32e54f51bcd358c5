package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.spi.InvalidSettingException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/** Parsers for setting values; each failure names the key, the value and what is allowed. */
public final class Values {
    static final String SIZE_ALLOWED = "a size such as 512KB, 200MB or 1GB (units B, KB, MB, GB, TB; binary)";
    static final String DURATION_ALLOWED = "a duration such as 500ms, 0.5s, 2m, 1h or 1d";

    private Values() {
    }

    public static long size(String key, String raw) {
        String v = raw.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        int unitStart = v.length();
        while (unitStart > 0 && Character.isLetter(v.charAt(unitStart - 1))) {
            unitStart--;
        }
        long multiplier;
        switch (v.substring(unitStart)) {
            case "", "B" -> multiplier = 1;
            case "K", "KB" -> multiplier = 1L << 10;
            case "M", "MB" -> multiplier = 1L << 20;
            case "G", "GB" -> multiplier = 1L << 30;
            case "T", "TB" -> multiplier = 1L << 40;
            default -> throw new InvalidSettingException(key, raw, SIZE_ALLOWED);
        }
        try {
            BigDecimal bytes = new BigDecimal(v.substring(0, unitStart)).multiply(BigDecimal.valueOf(multiplier));
            if (bytes.signum() < 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                throw new InvalidSettingException(key, raw, SIZE_ALLOWED);
            }
            return bytes.longValue();
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, raw, SIZE_ALLOWED);
        }
    }

    public static Duration duration(String key, String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        long nanosPerUnit;
        String number;
        if (v.endsWith("ms")) {
            nanosPerUnit = 1_000_000L;
            number = v.substring(0, v.length() - 2);
        } else if (v.endsWith("us")) {
            nanosPerUnit = 1_000L;
            number = v.substring(0, v.length() - 2);
        } else if (v.endsWith("s")) {
            nanosPerUnit = 1_000_000_000L;
            number = v.substring(0, v.length() - 1);
        } else if (v.endsWith("m")) {
            nanosPerUnit = 60_000_000_000L;
            number = v.substring(0, v.length() - 1);
        } else if (v.endsWith("h")) {
            nanosPerUnit = 3_600_000_000_000L;
            number = v.substring(0, v.length() - 1);
        } else if (v.endsWith("d")) {
            nanosPerUnit = 86_400_000_000_000L;
            number = v.substring(0, v.length() - 1);
        } else {
            throw new InvalidSettingException(key, raw, DURATION_ALLOWED);
        }
        try {
            BigDecimal nanos = new BigDecimal(number).multiply(BigDecimal.valueOf(nanosPerUnit));
            if (nanos.signum() < 0 || nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                throw new InvalidSettingException(key, raw, DURATION_ALLOWED);
            }
            return Duration.ofNanos(nanos.longValue());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, raw, DURATION_ALLOWED);
        }
    }

    public static boolean bool(String key, String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "true": case "yes": case "on": case "1":
                return true;
            case "false": case "no": case "off": case "0":
                return false;
            default:
                throw new InvalidSettingException(key, raw, "true or false");
        }
    }

    public static int integer(String key, String raw, int min, int max) {
        try {
            long v = Long.parseLong(raw.trim().replace("_", ""));
            if (v < min || v > max) {
                throw new InvalidSettingException(key, raw, "an integer from " + min + " to " + max);
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, raw, "an integer from " + min + " to " + max);
        }
    }

    public static <E extends Enum<E>> E enumValue(String key, String raw, Class<E> type) {
        String v = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder("one of ");
        E[] all = type.getEnumConstants();
        for (int i = 0; i < all.length; i++) {
            allowed.append(i == 0 ? "" : ", ").append(all[i].name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new InvalidSettingException(key, raw, allowed.toString());
    }
}
