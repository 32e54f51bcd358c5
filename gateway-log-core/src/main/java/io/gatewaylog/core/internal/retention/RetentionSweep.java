package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.spi.ArchiveCatalog.Archive;
import io.gatewaylog.api.spi.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The daily pass: deletes every archive older than its component's retention. */
final class RetentionSweep {
    private final RetentionSettings settings;
    private final ArchiveDeleter deleter;
    private final Reporter reporter;

    RetentionSweep(RetentionSettings settings, ArchiveDeleter deleter, Reporter reporter) {
        this.settings = settings;
        this.deleter = deleter;
        this.reporter = reporter;
    }

    /** Runs one pass over {@code sources} as of {@code nowMillis}; returns what was deleted. */
    List<Deletion> run(List<ArchiveSource> sources, long nowMillis) {
        List<Deletion> done = new ArrayList<>();
        for (ArchiveSource source : sources) {
            int days = settings.days(source.component());
            for (Archive archive : source.archives(reporter)) {
                if (RetentionPolicy.isExpired(RetentionPolicy.newestRecordMillis(archive), nowMillis, days)) {
                    deleter.delete(source, archive, DeletionReason.RETENTION, Map.of("retention_days", days))
                            .ifPresent(done::add);
                }
            }
        }
        return done;
    }
}
