package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ArchiveCatalog.Archive;
import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.api.spi.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The one place that deletes. Whatever a catalog says, a file is deleted only if, checked again right
 * before the deletion: its name is one {@link ArchiveNames} made, for the same component; it is not an
 * active {@code current.log}; it sits directly in the component's directory; and it is a regular file,
 * not a link. A file gone meanwhile (compressed, rotated away, deleted by the sink's pruning) is simply
 * skipped. Each deletion by age or disk usage is counted, reported as a system record and handed to
 * the listener; a deletion beyond the sink's {@code backups} ({@link #prune}) passes the same checks
 * and is silent, as the sink's own pruning was.
 */
final class ArchiveDeleter {
    static final String ACTIVE_FILE = "current.log";
    static final String LOGGER = "gateway.log.retention";
    private static final int MAX_WARNED = 1000;

    private final RetentionCounters counters;
    private final Consumer<LogRecord> report;
    private final Reporter reporter;
    private final Clock clock;
    private final boolean dryRun;
    private final Consumer<Deletion> listener;
    private final Set<Path> refused = ConcurrentHashMap.newKeySet();
    private int failures;

    ArchiveDeleter(
            RetentionCounters counters,
            Consumer<LogRecord> report,
            Reporter reporter,
            Clock clock,
            boolean dryRun,
            Consumer<Deletion> listener) {
        this.counters = counters;
        this.report = report;
        this.reporter = reporter;
        this.clock = clock;
        this.dryRun = dryRun;
        this.listener = listener;
    }

    boolean dryRun() {
        return dryRun;
    }

    /** The clock's time, epoch millis. */
    long now() {
        return clock.millis();
    }

    /** Deletions that failed with an I/O error (other than the file being gone) since this was made. */
    int failures() {
        return failures;
    }

    /**
     * Deletes {@code archive} from {@code source} if every check passes.
     *
     * @param detail extra fields for the record ({@code retention_days}, {@code disk_used_percent})
     * @return the deletion, or empty if the file was refused, gone or could not be deleted
     */
    Optional<Deletion> delete(
            ArchiveSource source, Archive archive, DeletionReason reason, Map<String, Object> detail) {
        Path path = archive.path().toAbsolutePath().normalize();
        String refusal = refusal(source, archive, path);
        if (refusal != null) {
            if (refused.size() < MAX_WARNED && refused.add(path)) {
                reporter.warn("retention: refusing to delete " + path + ": " + refusal);
            }
            return Optional.empty();
        }
        long size;
        try {
            BasicFileAttributes attrs =
                    Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                if (refused.size() < MAX_WARNED && refused.add(path)) {
                    reporter.warn("retention: refusing to delete " + path + ": not a regular file");
                }
                return Optional.empty();
            }
            size = attrs.size();
            if (!dryRun) {
                Files.delete(path);
            }
        } catch (NoSuchFileException gone) {
            return Optional.empty(); // rotated, compressed or pruned while we looked: nothing to do
        } catch (IOException | SecurityException e) {
            failures++;
            reporter.error("retention: cannot delete " + path, e);
            return Optional.empty();
        }
        long now = clock.millis();
        Deletion d = new Deletion(
                path, archive.component(), reason, size, now - RetentionPolicy.newestRecordMillis(archive), dryRun);
        if (!dryRun) {
            counters.deleted(archive.component(), reason, size);
            submit(record(d, detail, now));
        }
        listener.accept(d);
        return Optional.of(d);
    }

    /**
     * Deletes {@code archive}, beyond its sink's {@code backups}, if every check passes: silently (no
     * record, no counter, no listener), and never in a dry run (the tool does not prune).
     *
     * @return whether it was deleted
     */
    boolean prune(ArchiveSource source, Archive archive) {
        Path path = archive.path().toAbsolutePath().normalize();
        String refusal = refusal(source, archive, path);
        if (refusal != null || dryRun) {
            if (refusal != null && refused.size() < MAX_WARNED && refused.add(path)) {
                reporter.warn("retention: refusing to delete " + path + ": " + refusal);
            }
            return false;
        }
        try {
            BasicFileAttributes attrs =
                    Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                return false; // never listed as an archive; a link planted since is not ours to remove
            }
            Files.delete(path);
            return true;
        } catch (NoSuchFileException gone) {
            return false; // compressed or deleted meanwhile: its successor is looked at next time
        } catch (IOException | SecurityException e) {
            failures++;
            reporter.error("retention: cannot delete " + path + " (beyond the sink's backups)", e);
            return false;
        }
    }

    /** Why {@code archive} must not be deleted, or null if it may. */
    private static String refusal(ArchiveSource source, Archive archive, Path path) {
        Path name = path.getFileName();
        if (name == null || name.toString().equals(ACTIVE_FILE)) {
            return "it is an active file";
        }
        Optional<ArchiveNames.Parsed> parsed = ArchiveNames.parse(name.toString());
        if (parsed.isEmpty()) {
            return "its name is not a rotated archive's";
        }
        if (parsed.get().component() != archive.component() || archive.component() != source.component()) {
            return "its name is of component " + parsed.get().component().id() + ", not "
                    + source.component().id();
        }
        if (!source.directory().equals(path.getParent())) {
            return "it is not in " + source.directory();
        }
        return null;
    }

    /** Submits a system record; retention goes on if the pipeline refuses it (shutting down). */
    void submit(LogRecord record) {
        try {
            report.accept(record);
        } catch (RuntimeException e) {
            reporter.error("retention: cannot report: " + record.message(), e);
        }
    }

    LogRecord systemRecord(Level level, String message, Map<String, Object> fields) {
        Thread t = Thread.currentThread();
        return LogRecord.builder()
                .epochMillis(clock.millis())
                .level(level)
                .component(LogComponent.SYSTEM)
                .logger(LOGGER)
                .message(message)
                .fields(fields)
                .thread(t.getName(), t.getId())
                .build();
    }

    private LogRecord record(Deletion d, Map<String, Object> detail, long now) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", d.file().toString());
        // "component" is a reserved top-level name (the record's own, system): it would become field_component.
        fields.put("archive_component", d.component().id());
        fields.put("reason", d.reason().id());
        fields.put("bytes_freed", d.bytes());
        fields.put("age_days", d.ageDays());
        fields.putAll(detail);
        String message = d.reason() == DeletionReason.RETENTION
                ? "Deleted log archive older than its retention"
                : "Deleted log archive to free disk space";
        return systemRecord(d.reason() == DeletionReason.RETENTION ? Level.INFO : Level.WARN, message, fields);
    }
}
