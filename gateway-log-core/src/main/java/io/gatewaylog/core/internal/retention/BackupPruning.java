package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.spi.ArchiveCatalog.Archive;
import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.api.spi.Reporter;
import java.util.List;
import java.util.OptionalInt;

/**
 * The sink's {@code backups} limit, enforced by retention so that one thread deletes in a directory:
 * removes the oldest rotated files of a source until at most {@code backups} sequences remain (a
 * sequence present both rotated and compressed counts once). A file the sink holds (its compression
 * waits for {@code sink.file.compress.delay}) is counted but spared; the sink reports a change when
 * its delay is over, and it goes then if it is still beyond the limit. Silent, as the sink's own
 * pruning was: no record, no counter (the limit is the sink's, not an age or a disk emergency).
 */
final class BackupPruning {
    private final ArchiveDeleter deleter;
    private final Reporter reporter;

    BackupPruning(ArchiveDeleter deleter, Reporter reporter) {
        this.deleter = deleter;
        this.reporter = reporter;
    }

    /** Prunes {@code source} down to its catalog's backups limit, if it has one; returns how many went. */
    int run(ArchiveSource source) {
        OptionalInt limit = source.catalog().backups(source.component());
        if (limit.isEmpty()) {
            return 0;
        }
        List<Archive> archives = source.archives(reporter);
        long[] sequences = archives.stream()
                .mapToLong(BackupPruning::sequence)
                .distinct()
                .sorted()
                .toArray();
        int excess = sequences.length - limit.getAsInt();
        if (excess <= 0) {
            return 0;
        }
        long newestRemoved = sequences[excess - 1];
        int removed = 0;
        for (Archive a : archives) {
            if (sequence(a) <= newestRemoved && !source.catalog().held(a) && deleter.prune(source, a)) {
                removed++;
            }
        }
        return removed;
    }

    private static long sequence(Archive a) {
        return ArchiveNames.parse(a.path().getFileName().toString())
                .map(ArchiveNames.Parsed::sequence)
                .orElse(Long.MAX_VALUE);
    }
}
