package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.sink.file.internal.audit.AuditChain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One component's {@code current.log}: encodes each batch into a reusable buffer, writes it with one
 * call, rotates by rename when the next line would pass the rotation size, and hands the rotated file
 * to the compressor.
 *
 * <p>{@link #write} returns how many leading records of the batch it took (the sink contract): every
 * record whose whole line reached a file (or, in buffered mode, the buffer). Whatever goes wrong part-way
 * (a full disk cutting a write short, an {@link Error} from the encoder), the file and the audit chain are
 * brought back to those records: a torn line is cut off the file, the unwritten lines off the buffer, the
 * seals of records not taken are undone. The core retries only the records not taken, so nothing needs to
 * be recognised on a retry. If none was taken, the failure is thrown.
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
    /** Seals each line into the audit hash chain (the auth component); null: lines are not sealed. */
    private final AuditChain audit;

    private final LineBuffer buffer = new LineBuffer(BUFFERED_BYTES * 2);
    private final ReentrantLock lock = new ReentrantLock();
    /** current.log's channel, size and crash-safe writes. */
    private final CurrentLog log;

    private final Rotation rotation;
    /** The newest record in current.log and the buffer, epoch millis; MIN_VALUE if none. */
    private long newestMillis;
    /** Failure reporting (once until writing works again) and write-through after a failure. */
    private final WriteFailures failures;
    /** Brings file, buffer and chain back to the records taken when a batch fails part-way. */
    private final BatchRollback rollback;

    private boolean closed;

    ComponentFile(
            FileSettings settings,
            RecordEncoder encoder,
            Compressor compressor,
            ArchiveDirectory archives,
            FileCounters counters,
            Reporter reporter,
            long nextSequence,
            long newestMillis,
            AuditChain audit)
            throws IOException {
        this.settings = settings;
        this.current = settings.currentFile();
        this.encoder = encoder;
        this.newestMillis = newestMillis;
        this.audit = audit;
        this.log = new CurrentLog(settings, counters, reporter, audit);
        this.failures = new WriteFailures(current, counters, reporter);
        this.rollback = new BatchRollback(settings, buffer, log, failures, audit);
        this.rotation = new Rotation(settings, log, compressor, archives, counters, nextSequence);
        log.open();
    }

    FileSettings settings() {
        return settings;
    }

    /**
     * Writes a batch of this component's records and returns how many leading records were taken.
     *
     * @throws IOException (or the encoder's {@link Error} / {@link RuntimeException}) if none was
     */
    int write(List<LogRecord> batch) throws IOException {
        // A FileChannel is closed by an interrupt arriving during I/O; auth records are written on the
        // callers' threads, whose interrupts must cost neither the channel nor the record.
        boolean interrupted = Thread.interrupted();
        lock.lock();
        try {
            if (closed) {
                throw new IOException("file sink is closed");
            }
            return writeLocked(batch);
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int writeLocked(List<LogRecord> batch) throws IOException {
        int n = batch.size();
        boolean encoding = false;
        rollback.begin(newestMillis);
        try {
            log.ensureOpen();
            long rotationSize = settings.rotationSize();
            for (int i = 0; i < n; i++) {
                LogRecord r = batch.get(i);
                int lineStart = buffer.size();
                encoding = true;
                encode(r);
                encoding = false;
                if (log.size() + buffer.size() > rotationSize && (log.size() > 0 || lineStart > 0)) {
                    // This line would pass the rotation size: what came before it closes the file.
                    log.writeOut(buffer, lineStart);
                    buffer.discardHead(lineStart);
                    rollback.rotated(i);
                    rotation.rotate(newestMillis);
                    newestMillis = r.epochMillis();
                } else if (r.epochMillis() > newestMillis) {
                    newestMillis = r.epochMillis();
                }
                rollback.lineEnd(buffer.size());
            }
            if (settings.durability() != Durability.BUFFERED
                    || failures.writeThrough()
                    || buffer.size() >= BUFFERED_BYTES) {
                log.writeOut(buffer, buffer.size());
                buffer.reset();
            }
            failures.recovered();
            return n;
        } catch (IOException | RuntimeException | Error e) {
            int taken = rollback.rollBack(e, encoding);
            newestMillis = rollback.newestMillis(batch, taken);
            failures.failed("writing " + current + " (" + taken + " of " + n + " records written)", e);
            if (taken == 0) {
                throw e;
            }
            return taken;
        }
    }

    /** Encodes one record into the buffer, sealed into the audit chain if there is one. */
    private void encode(LogRecord r) throws IOException {
        if (audit != null) {
            audit.encode(encoder, r, buffer);
        } else {
            encoder.encode(r, buffer);
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
                log.ensureOpen();
                log.writeOut(buffer, buffer.size());
                buffer.reset();
            }
            failures.flushed();
            failures.recovered();
        } catch (IOException | RuntimeException e) {
            buffer.discardHead(Math.min(log.wroteBeforeFailure(), buffer.size())); // those lines are in the file now
            log.clearWroteBeforeFailure();
            failures.failed("flushing " + current, e);
            throw e;
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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
                    log.ensureOpen();
                    log.writeOut(buffer, buffer.size());
                    buffer.reset();
                }
                if (settings.durability() != Durability.FSYNC) {
                    log.force();
                }
            } finally {
                log.closeChannel();
                if (audit != null) {
                    audit.close();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
