package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.sink.file.audit.AuditChain;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One component's {@code current.log}: encodes each batch into a reusable buffer, writes it with one
 * call, rotates by rename when the next line would pass the rotation size, and hands the rotated file
 * to the compressor.
 *
 * <p>A batch is written whole or not at all: if a write fails (disk full), the file is truncated back
 * to its size before the batch, so that no half line stays and the pipeline's retry of the batch does
 * not duplicate lines. Lines that had already gone into a file rotated in the middle of the batch are
 * recognised on the retry (same first record, same batch) and skipped.
 *
 * <p>Called by one writer thread at a time; the lock only guards against {@link #close()} and a flush
 * from another thread, so it is never contended on the write path.
 */
final class ComponentFile {
    /** In {@link Durability#BUFFERED} mode, lines go to the OS once this many bytes collected. */
    static final int BUFFERED_BYTES = 64 * 1024;

    private final FileSettings settings;
    private final Path current;
    private final RecordEncoder encoder;
    private final Compressor compressor;
    private final ArchiveDirectory archives;
    private final FileCounters counters;
    private final Reporter reporter;
    /** Seals each line into the audit hash chain (the auth component); null: lines are not sealed. */
    private final AuditChain audit;
    private final LineBuffer buffer = new LineBuffer(BUFFERED_BYTES * 2);
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<StandardOpenOption> openOptions = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    private volatile Thread lastWriter;
    private FileChannel channel;
    /** Bytes of current.log on disk (everything before them is whole lines). */
    private long size;
    /** The newest record in current.log and the buffer, epoch millis; MIN_VALUE if none. */
    private long newestMillis;
    private long nextSequence;
    private LogRecord resumeFirst;
    private int resumeSkip;
    /** A failed write could not be truncated back: cut current.log back to {@link #size} when reopening. */
    private boolean cutBackOnOpen;
    private boolean modeChecked;
    private boolean failing;
    /**
     * Set by a failure, cleared by the next flush: batches retried after a failure are written through,
     * because the pipeline may retry its backlog while idle and then have no reason to flush again.
     */
    private boolean writeThrough;
    private boolean closed;

    ComponentFile(FileSettings settings, RecordEncoder encoder, Compressor compressor, ArchiveDirectory archives,
                  FileCounters counters, Reporter reporter, long nextSequence, long newestMillis, AuditChain audit) throws IOException {
        this.settings = settings;
        this.current = settings.currentFile();
        this.encoder = encoder;
        this.compressor = compressor;
        this.archives = archives;
        this.counters = counters;
        this.reporter = reporter;
        this.nextSequence = nextSequence;
        this.newestMillis = newestMillis;
        this.audit = audit;
        open();
    }

    FileSettings settings() {
        return settings;
    }

    Thread lastWriter() {
        return lastWriter;
    }

    /** Writes a batch of this component's records; on failure nothing of it stays in current.log. */
    void write(List<LogRecord> batch) throws IOException {
        // A FileChannel is closed by an interrupt arriving during I/O; auth records are written on the
        // callers' threads, whose interrupts must cost neither the channel nor the record.
        boolean interrupted = Thread.interrupted();
        lock.lock();
        try {
            if (closed) {
                throw new IOException("file sink is closed");
            }
            lastWriter = Thread.currentThread();
            writeLocked(batch);
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeLocked(List<LogRecord> batch) throws IOException {
        int n = batch.size();
        int from = 0;
        if (resumeFirst != null) {
            if (n > resumeSkip && batch.get(0) == resumeFirst) {
                from = resumeSkip;
            }
            resumeFirst = null;
            resumeSkip = 0;
        }
        int batchStart = buffer.size(); // earlier batches' lines still buffered (buffered mode) stay
        long newestBefore = newestMillis;
        int committed = from;
        if (audit != null) {
            audit.mark();
        }
        try {
            ensureOpen();
            long rotationSize = settings.rotationSize();
            for (int i = from; i < n; i++) {
                LogRecord r = batch.get(i);
                int lineStart = buffer.size();
                if (audit != null) {
                    audit.encode(encoder, r, buffer);
                } else {
                    encoder.encode(r, buffer);
                }
                if (size + buffer.size() > rotationSize && (size > 0 || lineStart > 0)) {
                    // This line would pass the rotation size: what came before it closes the file.
                    writeOut(lineStart);
                    buffer.discardHead(lineStart);
                    committed = i;
                    batchStart = 0;
                    newestBefore = Long.MIN_VALUE;
                    rotate();
                    newestMillis = r.epochMillis();
                } else if (r.epochMillis() > newestMillis) {
                    newestMillis = r.epochMillis();
                }
            }
            if (settings.durability() != Durability.BUFFERED || writeThrough || buffer.size() >= BUFFERED_BYTES) {
                writeOut(buffer.size());
                buffer.reset();
            }
            recovered();
        } catch (IOException | RuntimeException e) {
            buffer.truncate(batchStart);
            if (audit != null) {
                // Keep the seals of the lines that reached a file before a rotation; the retry skips those.
                audit.reset(committed - from);
            }
            newestMillis = newestBefore;
            if (committed > 0) {
                resumeFirst = batch.get(0);
                resumeSkip = committed;
            }
            failed("writing " + current, e);
            throw e;
        }
    }

    /** Sends buffered lines to the OS (buffered mode; the other modes have none). */
    void flush() throws IOException {
        if (settings.durability() != Durability.BUFFERED) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (buffer.size() > 0) {
                ensureOpen();
                writeOut(buffer.size());
                buffer.reset();
            }
            writeThrough = false;
            recovered();
        } catch (IOException | RuntimeException e) {
            failed("flushing " + current, e);
            throw e;
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Writes buffer bytes {@code [0, to)} at the end of current.log (and fsyncs in fsync mode). On
     * failure the file is truncated back, so a partial write leaves no partial line.
     */
    private void writeOut(int to) throws IOException {
        if (to == 0) {
            return;
        }
        long before = size;
        try {
            buffer.writeTo(channel, 0, to);
            if (settings.durability() == Durability.FSYNC) {
                channel.force(false);
            }
        } catch (IOException | RuntimeException e) {
            try {
                channel.truncate(before);
                channel.position(before);
            } catch (IOException | RuntimeException t) {
                // Reopened before the next write, and cut back to `size` then (see ensureOpen).
                e.addSuppressed(t);
                cutBackOnOpen = true;
                closeChannel();
            }
            throw e;
        }
        size = before + to;
        counters.bytesWritten.addAndGet(to);
    }

    /** Closes current.log, renames it to its archive name, opens a new one and queues compression. */
    private void rotate() throws IOException {
        long newest = newestMillis != Long.MIN_VALUE ? newestMillis : System.currentTimeMillis();
        Path rotated = current.resolveSibling(ArchiveNames.rotated(settings.component(), nextSequence, newest));
        closeChannel();
        Files.move(current, rotated, StandardCopyOption.ATOMIC_MOVE);
        nextSequence++;
        size = 0;
        newestMillis = Long.MIN_VALUE;
        counters.rotations.incrementAndGet();
        archives.rotated();
        compressor.submit(archives, settings.compress() ? rotated : null, counters);
        if (settings.durability() == Durability.FSYNC) {
            ArchiveDirectory.syncDirectory(settings.directory());
        }
        open();
    }

    private void ensureOpen() throws IOException {
        if (channel == null) {
            open();
        }
    }

    private void open() throws IOException {
        FilePermissions.createDirectory(settings.directory(), settings.dirMode());
        boolean created = !Files.exists(current);
        FileChannel ch = FileChannel.open(current, openOptions, FilePermissions.attributes(current, settings.fileMode()));
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

    private void closeChannel() {
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

    private void failed(String what, Exception e) {
        counters.failures.incrementAndGet();
        writeThrough = true;
        if (!failing) {
            failing = true;
            reporter.error("file sink: " + what + " failed; the batch is kept by the pipeline and retried,"
                    + " nothing of it stays in the file (reported once until writing works again)", e);
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            reporter.warn("file sink: writing " + current + " works again");
        }
    }

    /** Writes out what is buffered and closes current.log; later writes fail. */
    void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (buffer.size() > 0) {
                    ensureOpen();
                    writeOut(buffer.size());
                    buffer.reset();
                }
                if (channel != null && settings.durability() != Durability.FSYNC) {
                    channel.force(false);
                }
            } finally {
                closeChannel();
            }
        } finally {
            lock.unlock();
        }
    }
}
