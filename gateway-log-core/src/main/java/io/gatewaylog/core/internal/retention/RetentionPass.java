package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ArchiveCatalog;
import io.gatewaylog.api.spi.Reporter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One retention pass run on demand (the command-line tool): the daily sweep, then the emergency check,
 * optionally as a dry run that deletes nothing and reports what it would delete.
 */
public final class RetentionPass {

    /**
     * What a pass did.
     *
     * @param deletions the archives deleted (or that would be, in a dry run), in order
     * @param failures deletions that failed with an I/O error
     * @param stillAboveThreshold whether a log file system is still above the threshold with nothing left
     *        to delete (only known for real runs)
     */
    public record Result(List<Deletion> deletions, int failures, boolean stillAboveThreshold) {}

    private RetentionPass() {}

    /**
     * Runs the daily sweep and then the emergency check over {@code catalogs}.
     *
     * @param listener receives each deletion as it happens
     * @param progress receives a line of explanation when emergency cleanup starts
     * @param report receives the system records a real run makes (the tool may drop them)
     */
    public static Result run(
            RetentionSettings settings,
            List<ArchiveCatalog> catalogs,
            boolean dryRun,
            Consumer<Deletion> listener,
            Consumer<String> progress,
            Consumer<LogRecord> report,
            Reporter reporter,
            Clock clock,
            DiskUsageProbe probe) {
        RetentionCounters counters = new RetentionCounters(settings.thresholdRatio());
        ArchiveDeleter deleter = new ArchiveDeleter(counters, report, reporter, clock, dryRun, listener);
        List<ArchiveSource> sources = ArchiveSource.of(catalogs);
        List<Deletion> all =
                new ArrayList<>(new RetentionSweep(settings, deleter, reporter).run(sources, clock.millis()));
        long sweptBytes = 0;
        if (dryRun) {
            // The emergency pass must not pick again what the sweep would have deleted, and starts from the
            // usage the sweep would have left.
            Set<Path> swept = new HashSet<>();
            for (Deletion d : all) {
                swept.add(d.file());
                sweptBytes += d.bytes();
            }
            List<ArchiveCatalog> remaining = new ArrayList<>();
            for (ArchiveCatalog c : catalogs) {
                remaining.add(new ExcludingCatalog(c, swept));
            }
            sources = ArchiveSource.of(remaining);
        }
        EmergencyCleanup.Outcome outcome =
                new EmergencyCleanup(settings, deleter, probe, reporter, counters).run(sources, sweptBytes, progress);
        all.addAll(outcome.deletions());
        return new Result(List.copyOf(all), deleter.failures(), outcome.stillAbove());
    }
}
