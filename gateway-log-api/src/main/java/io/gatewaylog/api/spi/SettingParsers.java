package io.gatewaylog.api.spi;

import io.gatewaylog.api.LogComponent;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The parsers of setting values, for {@link SettingKey}s and {@link Settings}' typed getters: the one place
 * where sizes, durations, booleans, integers, enums and paths are read. Each failure is an
 * {@link InvalidSettingException} naming the key, the value and what is allowed.
 *
 * @since 1.0
 */
public final class SettingParsers {
    /** What a size may look like. */
    public static final String SIZE_ALLOWED = "a size such as 512KB, 200MB or 1GB (units B, KB, MB, GB, TB; binary)";
    /** What a duration may look like. */
    public static final String DURATION_ALLOWED = "a duration such as 500ms, 0.5s, 2m, 1h or 1d";

    private SettingParsers() {}

    /** Any text, trimmed. */
    public static SettingKey.Parser<String> string() {
        return (key, raw) -> raw.trim();
    }

    /** {@code true}, {@code yes}, {@code on}, {@code 1} or their opposites. */
    public static SettingKey.Parser<Boolean> bool() {
        return SettingParsers::bool;
    }

    /** An integer from {@code min} to {@code max}. */
    public static SettingKey.Parser<Integer> integer(int min, int max) {
        return (key, raw) -> integer(key, raw, min, max);
    }

    /** A size from {@code min} to {@code max} bytes; outside them {@code allowed} is what the message says. */
    public static SettingKey.Parser<Long> size(long min, long max, String allowed) {
        return (key, raw) -> {
            long v = size(key, raw);
            if (v < min || v > max) {
                throw new InvalidSettingException(key, raw, allowed);
            }
            return v;
        };
    }

    /** A duration from {@code min} to {@code max}; outside them {@code allowed} is what the message says. */
    public static SettingKey.Parser<Duration> duration(Duration min, Duration max, String allowed) {
        return (key, raw) -> {
            Duration d = duration(key, raw);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new InvalidSettingException(key, raw, allowed);
            }
            return d;
        };
    }

    /** A constant of {@code type} by name, ignoring case, with {@code -} read as {@code _}. */
    public static <E extends Enum<E>> SettingKey.Parser<E> enumOf(Class<E> type) {
        return (key, raw) -> enumValue(key, raw, type);
    }

    /** A file system path. */
    public static SettingKey.Parser<Path> path() {
        return SettingParsers::path;
    }

    /** What a list of components may look like. */
    public static final String COMPONENTS_ALLOWED =
            "'all', 'none' or a comma-separated list of api, protocol, auth, infra, system, metrics";

    /** {@code all}, {@code none} or a comma-separated list of component ids (the sinks' {@code components}). */
    public static SettingKey.Parser<Set<LogComponent>> components() {
        return SettingParsers::components;
    }

    /** {@code all}, {@code none} or a comma-separated list of component ids, ignoring case and blanks around them. */
    public static Set<LogComponent> components(String key, String raw) {
        String trimmed = raw.trim();
        if (trimmed.equalsIgnoreCase("all")) {
            return Collections.unmodifiableSet(EnumSet.allOf(LogComponent.class));
        }
        EnumSet<LogComponent> set = EnumSet.noneOf(LogComponent.class);
        if (trimmed.equalsIgnoreCase("none")) {
            return Collections.unmodifiableSet(set);
        }
        for (String part : trimmed.split(",")) {
            try {
                set.add(LogComponent.parse(part));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(key, raw, COMPONENTS_ALLOWED);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    /** A size such as {@code 200MB}. */
    public static long size(String key, String raw) {
        String v = raw.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        int unitStart = v.length();
        while (unitStart > 0 && Character.isLetter(v.charAt(unitStart - 1))) {
            unitStart--;
        }
        long multiplier = switch (v.substring(unitStart)) {
            case "", "B" -> 1;
            case "K", "KB" -> 1L << 10;
            case "M", "MB" -> 1L << 20;
            case "G", "GB" -> 1L << 30;
            case "T", "TB" -> 1L << 40;
            default -> throw new InvalidSettingException(key, raw, SIZE_ALLOWED);
        };
        return scaled(key, raw, v.substring(0, unitStart), multiplier, SIZE_ALLOWED);
    }

    /** A duration such as {@code 500ms}, {@code 0.5s}, {@code 2m}, {@code 1h} or {@code 1d}. */
    public static Duration duration(String key, String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        // Longest suffix first: "ms" and "us" before "s".
        String[] units = {"ms", "us", "s", "m", "h", "d"};
        long[] nanos = {1_000_000L, 1_000L, 1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L, 86_400_000_000_000L};
        for (int i = 0; i < units.length; i++) {
            if (v.endsWith(units[i])) {
                String number = v.substring(0, v.length() - units[i].length());
                return Duration.ofNanos(scaled(key, raw, number, nanos[i], DURATION_ALLOWED));
            }
        }
        throw new InvalidSettingException(key, raw, DURATION_ALLOWED);
    }

    private static long scaled(String key, String raw, String number, long multiplier, String allowed) {
        try {
            BigDecimal value = new BigDecimal(number).multiply(BigDecimal.valueOf(multiplier));
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                throw new InvalidSettingException(key, raw, allowed);
            }
            return value.longValue();
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, raw, allowed);
        }
    }

    /** A boolean: {@code true}, {@code yes}, {@code on}, {@code 1} or their opposites. */
    public static boolean bool(String key, String raw) {
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new InvalidSettingException(key, raw, "true or false");
        };
    }

    /** An integer from {@code min} to {@code max} ({@code _} allowed between digits). */
    public static int integer(String key, String raw, int min, int max) {
        try {
            long v = Long.parseLong(raw.trim().replace("_", ""));
            if (v >= min && v <= max) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // the same message as a value out of range
        }
        throw new InvalidSettingException(key, raw, "an integer from " + min + " to " + max);
    }

    /** A constant of {@code type} by name, ignoring case, with {@code -} read as {@code _}. */
    public static <E extends Enum<E>> E enumValue(String key, String raw, Class<E> type) {
        String v = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        throw new InvalidSettingException(key, raw, enumAllowed(type));
    }

    /** "one of a, b-c": the constants as they are written in settings. */
    public static String enumAllowed(Class<? extends Enum<?>> type) {
        StringBuilder allowed = new StringBuilder("one of ");
        Enum<?>[] all = type.getEnumConstants();
        for (int i = 0; i < all.length; i++) {
            allowed.append(i == 0 ? "" : ", ")
                    .append(all[i].name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return allowed.toString();
    }

    /** A file system path. */
    public static Path path(String key, String raw) {
        try {
            return Paths.get(raw.trim());
        } catch (InvalidPathException e) {
            throw new InvalidSettingException(key, raw, "a file system path");
        }
    }
}
