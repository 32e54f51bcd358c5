package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.spi.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Frees disk space when a file system holding logs is above the threshold: archives go least valuable
 * component first, oldest first within a component, and usage is measured again after each deletion,
 * until it is below threshold minus margin. The margin keeps the check from deleting one file every
 * interval while usage hovers at the threshold.
 */
final class EmergencyCleanup {
    private final RetentionSettings settings;
    private final ArchiveDeleter deleter;
    private final DiskUsageProbe probe;
    private final Reporter reporter;
    private final RetentionCounters counters;
    // File systems already reported as full with nothing left to delete: reported once, not every interval.
    private final Set<Object> exhausted = new HashSet<>();
    /** Protected auth files and bytes left on file systems still above the threshold, this check. */
    private final long[] protectedTotal = new long[2];

    /**
     * What one check did.
     *
     * @param deletions the archives deleted
     * @param stillAbove whether a file system is still above the threshold with nothing left to delete
     */
    record Outcome(List<Deletion> deletions, boolean stillAbove) {}

    EmergencyCleanup(
            RetentionSettings settings,
            ArchiveDeleter deleter,
            DiskUsageProbe probe,
            Reporter reporter,
            RetentionCounters counters) {
        this.settings = settings;
        this.deleter = deleter;
        this.probe = probe;
        this.reporter = reporter;
        this.counters = counters;
    }

    /** Checks every file system holding {@code sources} and cleans up those above the threshold. */
    Outcome run(List<ArchiveSource> sources, Consumer<String> progress) {
        return run(sources, 0, progress);
    }

    /**
     * As {@link #run(List, Consumer)}; a dry run subtracts {@code pretendFreed} bytes (what its daily
     * pass would have deleted) from the measured usage first.
     */
    Outcome run(List<ArchiveSource> sources, long pretendFreed, Consumer<String> progress) {
        List<Deletion> done = new ArrayList<>();
        boolean stillAbove = false;
        protectedTotal[0] = 0;
        protectedTotal[1] = 0;
        double fullest = Double.NaN;
        for (Map.Entry<Object, List<ArchiveSource>> group :
                byFileSystem(sources).entrySet()) {
            Path where = group.getValue().get(0).directory();
            double used;
            try {
                used = probe.usedRatio(where);
            } catch (IOException | RuntimeException e) {
                reporter.error("retention: cannot read the disk usage of " + where, e);
                continue;
            }
            if (deleter.dryRun() && pretendFreed > 0) {
                long total = totalBytes(where);
                used = total > 0 ? Math.max(0, used - pretendFreed / (double) total) : used;
            }
            if (used > settings.thresholdRatio()) {
                used = cleanUp(group.getKey(), group.getValue(), where, used, done, progress);
                stillAbove |= used > settings.thresholdRatio();
            } else {
                exhausted.remove(group.getKey());
            }
            fullest = Double.isNaN(fullest) ? used : Math.max(fullest, used);
        }
        if (!deleter.dryRun() && !Double.isNaN(fullest)) {
            counters.usedRatio(fullest);
        }
        if (!deleter.dryRun()) {
            counters.protectedAuth(protectedTotal[0], protectedTotal[1]);
        }
        return new Outcome(done, stillAbove);
    }

    private double cleanUp(
            Object fileSystem,
            List<ArchiveSource> group,
            Path where,
            double used,
            List<Deletion> done,
            Consumer<String> progress) {
        EmergencyCandidates found = EmergencyCandidates.find(group, settings, deleter.now(), reporter);
        long protectedFiles = found.protectedFiles();
        long protectedBytes = found.protectedBytes();
        announce(where, used, progress);
        long total = deleter.dryRun() ? totalBytes(where) : -1;
        int files = 0;
        long bytes = 0;
        for (EmergencyCandidates.Candidate c : found.list()) {
            if (used < settings.targetRatio()) {
                break;
            }
            Optional<Deletion> d = deleter.delete(
                    c.source(), c.archive(), DeletionReason.EMERGENCY, Map.of("disk_used_percent", percent(used)));
            if (d.isEmpty()) {
                continue;
            }
            done.add(d.get());
            files++;
            bytes += d.get().bytes();
            try {
                // A dry run deletes nothing, so it can only estimate the effect from the file system's size.
                used = deleter.dryRun()
                        ? (total > 0 ? used - d.get().bytes() / (double) total : used)
                        : probe.usedRatio(where);
            } catch (IOException | RuntimeException e) {
                reporter.error("retention: cannot read the disk usage of " + where, e);
                break;
            }
        }
        if (used > settings.thresholdRatio()) {
            if (!deleter.dryRun()) {
                protectedTotal[0] += protectedFiles;
                protectedTotal[1] += protectedBytes;
            }
            if (exhausted.add(fileSystem) && !deleter.dryRun()) {
                reportExhausted(where, used, protectedFiles, protectedBytes);
            }
        } else {
            exhausted.remove(fileSystem);
        }
        if (!deleter.dryRun()) {
            Map<String, Object> f = fields(where, used);
            f.put("files_deleted", files);
            f.put("bytes_freed", bytes);
            deleter.submit(deleter.systemRecord(Level.WARN, "Emergency cleanup of log archives finished", f));
        }
        return used;
    }

    /** Says that cleanup starts: a line of progress, and a system record unless this is a dry run. */
    private void announce(Path where, double used, Consumer<String> progress) {
        String start =
                "disk " + percent(used) + "% used > threshold " + RetentionSettings.format(settings.thresholdPercent())
                        + "%: emergency cleanup until below "
                        + RetentionSettings.format(settings.thresholdPercent() - settings.marginPercent())
                        + "%, least valuable component first";
        progress.accept(start + " (the file system holding " + where + ")");
        if (!deleter.dryRun()) {
            deleter.submit(deleter.systemRecord(
                    Level.WARN, "Disk usage above threshold: emergency cleanup of log archives", fields(where, used)));
        }
    }

    /** Reports, once until it recovers, a file system still too full with nothing left to delete. */
    private void reportExhausted(Path where, double used, long protectedFiles, long protectedBytes) {
        String msg = "disk holding " + where + " is still " + percent(used) + "% used after deleting every"
                + " archive retention may delete; "
                + (protectedFiles > 0
                        ? "only auth archives within their"
                                + " retention are left (" + protectedFiles + " files, " + protectedBytes
                                + " bytes), kept because "
                                + RetentionSettings.EMERGENCY_AUTH
                                + "=false (the audit trail): free space elsewhere, or allow it"
                        : "the active files and other files fill it");
        reporter.warn("retention: " + msg);
        Map<String, Object> f = fields(where, used);
        f.put("protected_auth_files", protectedFiles);
        f.put("protected_auth_bytes", protectedBytes);
        deleter.submit(deleter.systemRecord(
                Level.ERROR,
                protectedFiles > 0
                        ? "Disk usage still above threshold: only auth archives within their retention are left"
                        : "Disk usage still above threshold after emergency cleanup",
                f));
    }

    private Map<String, Object> fields(Path where, double used) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("directory", where.toString());
        f.put("disk_used_percent", percent(used));
        f.put("threshold_percent", settings.thresholdPercent());
        f.put("target_percent", settings.thresholdPercent() - settings.marginPercent());
        return f;
    }

    private long totalBytes(Path where) {
        try {
            return probe.totalBytes(where);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static double percent(double ratio) {
        return Math.round(ratio * 1000) / 10.0;
    }

    /** Groups sources by the file system holding them, so each file system is measured and cleaned once. */
    private static Map<Object, List<ArchiveSource>> byFileSystem(List<ArchiveSource> sources) {
        Map<Object, List<ArchiveSource>> groups = new LinkedHashMap<>();
        for (ArchiveSource s : sources) {
            if (!Files.isDirectory(s.directory())) {
                continue; // nothing written there yet: nothing to measure or delete
            }
            Object key;
            try {
                key = Files.getFileStore(s.directory());
            } catch (IOException e) {
                key = s.directory();
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        return groups;
    }
}
