package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ArchiveCatalog;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Measurement;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.sink.file.internal.audit.AuditChain;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The file sink: one {@link ComponentFile} per component (its own buffer, channel and lock, so
 * components write in parallel with nothing shared on the write path), one {@link Compressor} thread
 * for all of them, and the {@link ArchiveCatalog} the retention job reads (and prunes: the sink tells
 * it of every change and deletes no archive itself).
 */
public final class RotatingFileSink implements LogSink, ArchiveCatalog {
    /** The active file's name in each component directory. */
    public static final String CURRENT = "current.log";

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final FileSinkConfig config;
    private final ComponentFile[] files = new ComponentFile[LogComponent.values().length];
    private final ArchiveDirectory[] archives = new ArchiveDirectory[LogComponent.values().length];
    private final FileCounters[] counters = new FileCounters[LogComponent.values().length];
    private final List<DirectoryLock> locks = new ArrayList<>();
    private final Compressor compressor;
    private final Reporter reporter;
    private final Object closeLock = new Object();
    private boolean closed;

    private RotatingFileSink(FileSinkConfig config, Compressor compressor, Reporter reporter) {
        this.config = config;
        this.compressor = compressor;
        this.reporter = reporter;
    }

    /**
     * Creates the directories, locks them, recovers what a crash left and opens every component's file.
     *
     * @throws IllegalStateException if a directory is locked by another process or sink, or cannot be
     *         created or opened
     */
    public static RotatingFileSink open(FileSinkConfig config, RecordEncoder encoder, Reporter reporter) {
        return open(config, encoder, reporter, new Compressor(reporter));
    }

    static RotatingFileSink open(
            FileSinkConfig config, RecordEncoder encoder, Reporter reporter, Compressor compressor) {
        RotatingFileSink sink = new RotatingFileSink(config, compressor, reporter);
        try {
            SinkDirectories.prepare(config, reporter, sink.locks);
            for (LogComponent c : LogComponent.values()) {
                sink.openComponent(config.component(c), encoder);
            }
            return sink;
        } catch (IOException | RuntimeException e) {
            sink.closeQuietly();
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            if (e instanceof IllegalArgumentException iae) {
                throw iae; // InvalidSettingException: fails start-up as it is (an unsafe directory, say)
            }
            throw new IllegalStateException(
                    "gateway-log file sink: cannot open the log directory "
                            + config.root().toAbsolutePath() + ": " + e,
                    e);
        }
    }

    /** Recovers what a crash left in one component's directory and opens its current.log. */
    private void openComponent(FileSettings s, RecordEncoder encoder) throws IOException {
        FileCounters fc = new FileCounters();
        ArchiveDirectory dir = new ArchiveDirectory(s, fc, reporter);
        StartupRecovery.recoverArchives(dir, s.compress(), compressor, fc, reporter);
        long newest = StartupRecovery.recoverCurrent(s.currentFile(), reporter);
        AuditChain audit = s.audit() ? AuditChain.open(s.directory(), s.auditKey(), s.fileMode(), reporter) : null;
        int i = s.component().ordinal();
        counters[i] = fc;
        archives[i] = dir;
        files[i] = new ComponentFile(s, encoder, compressor, dir, fc, reporter, dir.nextSequence(), newest, audit);
    }

    @Override
    public String name() {
        return "file";
    }

    /**
     * Writes a batch of one component (the pipeline's contract) to that component's file and returns how
     * many leading records were taken: all, unless a write failed part-way (then the records whose whole
     * lines reached the file; none: the failure is thrown).
     */
    @Override
    public int write(List<LogRecord> batch) throws IOException {
        if (batch.isEmpty()) {
            return 0;
        }
        return files[batch.get(0).component().ordinal()].write(batch);
    }

    /**
     * Sends buffered lines of {@code component} to the OS. The core calls this from that component's writer
     * thread, so that writer threads never touch (or wait for) each other's files.
     */
    @Override
    public void flush(LogComponent component) throws IOException {
        ComponentFile f = files[component.ordinal()];
        if (f != null) {
            f.flush();
        }
    }

    /** Sends every component's buffered lines to the OS (a direct user of the sink). */
    @Override
    public void flush() throws IOException {
        IOException failure = null;
        for (ComponentFile f : files) {
            failure = flush(f, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException flush(ComponentFile f, IOException failure) {
        try {
            f.flush();
            return failure;
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
                return failure;
            }
            return e;
        }
    }

    /** Writes out buffered lines, closes the files, finishes queued compression (bounded) and unlocks. */
    @Override
    public void close() throws IOException {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        IOException failure = null;
        for (ComponentFile f : files) {
            if (f != null) {
                try {
                    f.close();
                } catch (IOException e) {
                    reporter.error(
                            "file sink: lines buffered for " + f.settings().currentFile() + " are lost", e);
                    failure = failure == null ? e : failure;
                }
            }
        }
        compressor.close(CLOSE_TIMEOUT);
        releaseLocks();
        if (failure != null) {
            throw failure;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // already failing; the first error is the one reported
        }
    }

    private void releaseLocks() {
        for (DirectoryLock lock : locks) {
            try {
                lock.close();
            } catch (IOException e) {
                // the OS drops the lock with the process anyway
            }
        }
        locks.clear();
    }

    @Override
    public List<Measurement> measurements() {
        List<Measurement> all = new ArrayList<>();
        for (LogComponent c : LogComponent.values()) {
            FileCounters fc = counters[c.ordinal()];
            if (fc != null) {
                all.addAll(fc.measurements(c));
            }
        }
        return all;
    }

    @Override
    public Path directory(LogComponent component) {
        return config.component(component).directory();
    }

    @Override
    public List<Archive> archives(LogComponent component) throws IOException {
        ArchiveDirectory dir = archives[component.ordinal()];
        return dir == null ? List.of() : dir.archives();
    }

    /** {@code backups}: retention deletes the oldest rotated files beyond it (the sink deletes none). */
    @Override
    public OptionalInt backups(LogComponent component) {
        return OptionalInt.of(config.component(component).backups());
    }

    /** A rotated file whose compression waits for {@code sink.file.compress.delay}. */
    @Override
    public boolean held(Archive archive) {
        ArchiveDirectory dir = archives[archive.component().ordinal()];
        return dir != null && dir.isHeld(archive.path());
    }

    @Override
    public void onArchivesChanged(Consumer<LogComponent> listener) {
        for (ArchiveDirectory dir : archives) {
            if (dir != null) {
                dir.listen(listener);
            }
        }
    }

    /** The compressor thread: tests observe and await its queue through it. */
    Compressor compressor() {
        return compressor;
    }

    @Override
    public String toString() {
        return "RotatingFileSink[" + config.root().toAbsolutePath() + "]";
    }
}
