package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveCatalog.Archive;
import io.gatewaylog.api.spi.ArchiveNames;
import java.util.Comparator;
import java.util.List;

/**
 * The rules, kept free of I/O: when an archive is expired, and in which order emergency cleanup takes
 * archives.
 */
public final class RetentionPolicy {
    /** A day is exactly 24 hours here: ages are instants apart, so daylight saving changes nothing. */
    public static final long DAY_MILLIS = 86_400_000L;

    /** Least valuable first: emergency cleanup empties metrics before it touches protocol, and so on. */
    public static final List<LogComponent> EMERGENCY_ORDER = List.of(
            LogComponent.METRICS,
            LogComponent.PROTOCOL,
            LogComponent.API,
            LogComponent.INFRA,
            LogComponent.SYSTEM,
            LogComponent.AUTH);

    /** Emergency order: least valuable component, then oldest newest-record, then lowest sequence. */
    static final Comparator<Archive> EMERGENCY_COMPARATOR = Comparator.comparingInt(
                    (Archive a) -> EMERGENCY_ORDER.indexOf(a.component()))
            .thenComparingLong(RetentionPolicy::newestRecordMillis)
            .thenComparing(a -> a.path().getFileName().toString());

    private RetentionPolicy() {}

    /**
     * Whether an archive whose newest record is at {@code newestRecordMillis} has outlived
     * {@code days}: exactly {@code days} old is kept, one millisecond more is expired.
     */
    public static boolean isExpired(long newestRecordMillis, long nowMillis, int days) {
        return nowMillis - newestRecordMillis > days * DAY_MILLIS;
    }

    /**
     * The newest-record time retention ages an archive by: the later of the catalog's value and the
     * time in the file's name. They agree for the file sink; if a catalog ever reported an older time
     * (an mtime, a bug), the name still protects a young file.
     */
    public static long newestRecordMillis(Archive archive) {
        long fromName = ArchiveNames.parse(archive.path().getFileName().toString())
                .map(ArchiveNames.Parsed::newestRecordMillis)
                .orElse(Long.MIN_VALUE);
        return Math.max(archive.newestRecordMillis(), fromName);
    }
}
