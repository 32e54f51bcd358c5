package io.gatewaylog.api.spi;

import io.gatewaylog.api.LogComponent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of rotated files, shared by the file sink (which makes them) and retention (which deletes
 * them, and must never touch anything else):
 * {@code <component>.log.<sequence>.<newest record, UTC yyyyMMdd'T'HHmmssSSS'Z'>[.gz]}, e.g.
 * {@code api.log.000042.20240101T120000123Z.gz}. The sequence grows with each rotation and never
 * changes afterwards (no renaming chains), so a crash can never leave two files with one name; the
 * timestamp is the newest record the file holds, which is what retention ages by.
 *
 * @since 1.0
 */
public final class ArchiveNames {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("([a-z]+)\\.log\\.(\\d{6,18})\\.(\\d{8}T\\d{9}Z)(\\.gz)?");

    private ArchiveNames() {}

    /**
     * A parsed archive name.
     *
     * @param component the component in the name
     * @param sequence the rotation's sequence number
     * @param newestRecordMillis the newest record's time, epoch millis
     * @param compressed whether the name ends in {@code .gz}
     * @since 1.0
     */
    public record Parsed(LogComponent component, long sequence, long newestRecordMillis, boolean compressed) {}

    /** The name of a rotated, not yet compressed file. */
    public static String rotated(LogComponent component, long sequence, long newestRecordMillis) {
        return component.id() + ".log." + String.format("%06d", sequence) + "."
                + STAMP.format(Instant.ofEpochMilli(newestRecordMillis));
    }

    /** The name of its compressed archive. */
    public static String compressed(LogComponent component, long sequence, long newestRecordMillis) {
        return rotated(component, sequence, newestRecordMillis) + ".gz";
    }

    /** Parses a file name; empty for any name this scheme did not make (those are never touched). */
    public static Optional<Parsed> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        LogComponent component;
        try {
            component = LogComponent.parse(m.group(1));
            long millis = Instant.from(STAMP.parse(m.group(3))).toEpochMilli();
            return Optional.of(new Parsed(component, Long.parseLong(m.group(2)), millis, m.group(4) != null));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
