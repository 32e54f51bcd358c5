package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveCatalog.Archive;
import io.gatewaylog.api.spi.Reporter;
import java.util.ArrayList;
import java.util.List;

/**
 * The archives of one file system that emergency cleanup may take, least valuable first, and the young
 * auth archives it must leave.
 *
 * @param list the archives cleanup may delete, in {@link RetentionPolicy#EMERGENCY_COMPARATOR} order
 * @param protectedFiles how many auth archives within their retention are kept
 * @param protectedBytes their size
 */
record EmergencyCandidates(List<EmergencyCandidates.Candidate> list, long protectedFiles, long protectedBytes) {
    /** An archive, with the source that can delete it. */
    record Candidate(ArchiveSource source, Archive archive) {}

    /** The candidates among the archives of {@code group}, judged at {@code now} (epoch millis). */
    static EmergencyCandidates find(
            List<ArchiveSource> group, RetentionSettings settings, long now, Reporter reporter) {
        List<Candidate> candidates = new ArrayList<>();
        long protectedFiles = 0;
        long protectedBytes = 0;
        int authDays = settings.days(LogComponent.AUTH);
        for (ArchiveSource source : group) {
            for (Archive archive : source.archives(reporter)) {
                if (archive.component() == LogComponent.AUTH
                        && !settings.emergencyAuth()
                        && !RetentionPolicy.isExpired(RetentionPolicy.newestRecordMillis(archive), now, authDays)) {
                    // The audit trail within its retention is not ours to free space with (retention.emergency.auth).
                    protectedFiles++;
                    protectedBytes += archive.sizeBytes();
                    continue;
                }
                candidates.add(new Candidate(source, archive));
            }
        }
        candidates.sort((a, b) -> RetentionPolicy.EMERGENCY_COMPARATOR.compare(a.archive(), b.archive()));
        return new EmergencyCandidates(candidates, protectedFiles, protectedBytes);
    }
}
