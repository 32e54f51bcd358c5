package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.sink.file.internal.audit.AuditChain;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * One component's {@code current.log} on disk: its channel and size, and the writes that never leave a
 * torn line (a failed write is cut back to its last whole line). Owned by its {@link ComponentFile},
 * under that file's lock.
 */
final class CurrentLog {
    private static final Set<OpenOption> OPEN_OPTIONS =
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

    private final FileSettings settings;
    private final Path current;
    private final FileCounters counters;
    private final Reporter reporter;
    /** Moved to the last line written; null: lines are not sealed. */
    private final AuditChain audit;

    private FileChannel channel;
    /** Bytes of current.log on disk (everything before them is whole lines). */
    private long size;
    /**
     * Set by {@link #writeOut} when it fails: how many bytes of the buffer's head are now whole lines in
     * the file (the torn rest was cut off again).
     */
    private int wroteBeforeFailure;
    /** A failed write could not be truncated back: cut current.log back to {@link #size} when reopening. */
    private boolean cutBackOnOpen;

    private boolean modeChecked;

    CurrentLog(FileSettings settings, FileCounters counters, Reporter reporter, AuditChain audit) {
        this.settings = settings;
        this.current = settings.currentFile();
        this.counters = counters;
        this.reporter = reporter;
        this.audit = audit;
    }

    long size() {
        return size;
    }

    int wroteBeforeFailure() {
        return wroteBeforeFailure;
    }

    void clearWroteBeforeFailure() {
        wroteBeforeFailure = 0;
    }

    /**
     * Writes buffer bytes {@code [0, to)} at the end of current.log (and fsyncs in fsync mode), then
     * moves the audit chain's head to the last line written. On failure whatever reached the file past the
     * last whole line is cut off again, {@link #wroteBeforeFailure} says how much stayed, and the
     * exception is thrown.
     */
    void writeOut(LineBuffer buffer, int to) throws IOException {
        wroteBeforeFailure = 0;
        if (to == 0) {
            return;
        }
        long before = size;
        try {
            buffer.writeTo(channel, 0, to);
        } catch (Throwable e) { // an Error too (OutOfMemoryError: Direct buffer memory mid-write): never a torn line
            // A full disk cuts a write short: the whole lines that made it stay, a torn one is cut off.
            cutBack(buffer, before, buffer.lineStartAtOrBefore(buffer.writtenSoFar()), e);
            throw e;
        }
        if (settings.durability() == Durability.FSYNC) {
            try {
                channel.force(false);
            } catch (Throwable e) {
                cutBack(buffer, before, 0, e); // not known to be on disk: none of it counts as written
                throw e;
            }
        }
        size = before + to;
        counters.bytesWritten.addAndGet(to);
        if (audit != null) {
            try {
                audit.written(buffer.array(), to, settings.durability() == Durability.FSYNC);
            } catch (Throwable e) {
                // The lines are written; only the head lags (it may, never run ahead). Reported, not thrown.
                reporter.error(
                        "file sink: cannot update the audit chain head in " + settings.directory()
                                + "; a truncation of the newest records would not be detected until it works again",
                        e);
            }
        }
    }

    /** Cuts current.log back to {@code before + keep} after a failed write. */
    private void cutBack(LineBuffer buffer, long before, int keep, Throwable e) {
        try {
            channel.truncate(before + keep);
            channel.position(before + keep);
            size = before + keep;
            wroteBeforeFailure = keep;
            counters.bytesWritten.addAndGet(keep);
            if (keep > 0 && audit != null) {
                audit.written(buffer.array(), keep, settings.durability() == Durability.FSYNC);
            }
        } catch (IOException | RuntimeException t) {
            // Reopened before the next write, and cut back to `size` then (see ensureOpen).
            e.addSuppressed(t);
            wroteBeforeFailure = 0;
            cutBackOnOpen = true;
            closeChannel();
        }
    }

    /**
     * Closes the channel and renames current.log to the archive name of {@code sequence} (or the next
     * free one) and {@code newestMillis}; returns that name. The next {@link #open} starts anew.
     */
    Path rotate(long sequence, long newestMillis) throws IOException {
        long seq = sequence;
        Path rotated = current.resolveSibling(ArchiveNames.rotated(settings.component(), seq, newestMillis));
        while (Files.exists(rotated, LinkOption.NOFOLLOW_LINKS)
                || Files.exists(Path.of(rotated + ".gz"), LinkOption.NOFOLLOW_LINKS)) {
            // Never replace a file (or a planted link) by the rename: take the next free sequence.
            rotated = current.resolveSibling(ArchiveNames.rotated(settings.component(), ++seq, newestMillis));
        }
        closeChannel();
        Files.move(current, rotated, StandardCopyOption.ATOMIC_MOVE);
        size = 0;
        return rotated;
    }

    /** Forces what is written to the disk, if open. */
    void force() throws IOException {
        if (channel != null) {
            channel.force(false);
        }
    }

    void ensureOpen() throws IOException {
        if (channel == null) {
            open();
        }
    }

    void open() throws IOException {
        FilePermissions.createDirectory(settings.directory(), settings.dirMode());
        boolean created = !Files.exists(current, LinkOption.NOFOLLOW_LINKS);
        FileChannel ch =
                FileChannel.open(current, OPEN_OPTIONS, FilePermissions.attributes(current, settings.fileMode()));
        try {
            if (created) {
                FilePermissions.apply(current, settings.fileMode());
            } else if (!modeChecked) {
                // A file from an earlier run gets the configured mode once (the setting may have changed).
                FilePermissions.applyOrWarn(current, settings.fileMode(), reporter);
            }
            modeChecked = true;
            long onDisk = ch.size();
            if (cutBackOnOpen && onDisk > size) {
                ch.truncate(size);
                onDisk = size;
            }
            cutBackOnOpen = false;
            ch.position(onDisk);
            size = onDisk;
            channel = ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    void closeChannel() {
        FileChannel ch = channel;
        channel = null;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing is buffered in a FileChannel; closing cannot lose data
            }
        }
    }
}
