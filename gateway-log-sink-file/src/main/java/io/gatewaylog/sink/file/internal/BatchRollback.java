package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.sink.file.internal.audit.AuditChain;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The partial-write path of {@link ComponentFile}: remembers where the lines of the batch being written
 * end in the buffer and, when the batch fails part-way, brings the file, the buffer and the audit chain
 * back to the records that were taken. A torn line never stays anywhere.
 *
 * <p>One per component file, reused for every batch (no allocation on the write path); used under the
 * component file's lock.
 */
final class BatchRollback {
    private final FileSettings settings;
    private final LineBuffer buffer;
    private final CurrentLog log;
    private final WriteFailures failures;
    /** The audit hash chain whose seals of records not taken are undone; null: lines are not sealed. */
    private final AuditChain audit;

    /** Ends (buffer offsets) of the lines of the batch being written that are in the buffer. */
    private int[] lineEnds = new int[256];
    /** How many entries of {@link #lineEnds} are set. */
    private int lines;
    /** Where this batch's lines start in the buffer: earlier batches' buffered lines were taken already. */
    private int batchStart;
    /** Records of the batch before it went into a file rotated in the middle of this batch. */
    private int firstInBuffer;
    /** The newest record in current.log and the buffer before this batch's records there, epoch millis. */
    private long newestBefore;

    BatchRollback(FileSettings settings, LineBuffer buffer, CurrentLog log, WriteFailures failures, AuditChain audit) {
        this.settings = settings;
        this.buffer = buffer;
        this.log = log;
        this.failures = failures;
        this.audit = audit;
    }

    /** Starts a batch: what the buffer holds now and {@code newestMillis} stay whatever happens. */
    void begin(long newestMillis) {
        batchStart = buffer.size();
        firstInBuffer = 0;
        lines = 0;
        newestBefore = newestMillis;
        log.clearWroteBeforeFailure();
        if (audit != null) {
            audit.mark();
        }
    }

    /** The file was rotated before record {@code index}: the records before it are in a closed file. */
    void rotated(int index) {
        firstInBuffer = index;
        lines = 0;
        batchStart = 0;
        newestBefore = Long.MIN_VALUE;
    }

    /** The next line of the batch ends at buffer offset {@code end}. */
    void lineEnd(int end) {
        if (lines == lineEnds.length) {
            lineEnds = Arrays.copyOf(lineEnds, lines * 2);
        }
        lineEnds[lines++] = end;
    }

    /**
     * Brings the file, the buffer and the chain back to the records of the batch that were taken, and
     * returns how many: those written before a rotation in the batch, then those whose whole line is in
     * the file (or, in buffered mode, whole in the buffer).
     *
     * @param encoding whether the failure came from encoding a record (rather than from the file)
     */
    int rollBack(Throwable e, boolean encoding) {
        int kept;
        if (!encoding) {
            // Writing, rotating or opening failed: keep what reached the file (writeOut said how much).
            kept = dropUnwritten();
        } else {
            // The encoder failed (or something other than the file): the lines before the failing record are whole.
            buffer.truncate(lines > 0 ? lineEnds[lines - 1] : batchStart);
            kept = lines;
            if (kept > 0 && (settings.durability() != Durability.BUFFERED || failures.writeThrough())) {
                try {
                    log.ensureOpen();
                    log.writeOut(buffer, buffer.size());
                    buffer.reset();
                } catch (IOException | RuntimeException io) {
                    e.addSuppressed(io);
                    kept = dropUnwritten();
                }
            }
        }
        int taken = firstInBuffer + kept;
        if (audit != null) {
            audit.reset(taken); // the seals of records not taken are undone: their retry gets the same numbers
        }
        return taken;
    }

    /** The newest record in current.log and the buffer once the first {@code taken} of the batch stay. */
    long newestMillis(List<LogRecord> batch, int taken) {
        long newest = newestBefore;
        for (int i = firstInBuffer; i < taken; i++) {
            newest = Math.max(newest, batch.get(i).epochMillis());
        }
        return newest;
    }

    /**
     * After a failed {@link CurrentLog#writeOut}: drops from the buffer what reached the file and this
     * batch's lines that did not (earlier batches' lines stay, they were taken); returns how many of this
     * batch's lines reached the file.
     */
    private int dropUnwritten() {
        int wrote = log.wroteBeforeFailure();
        int inFile = 0;
        while (inFile < lines && lineEnds[inFile] <= wrote) {
            inFile++;
        }
        buffer.discardHead(Math.min(wrote, buffer.size()));
        buffer.truncate(Math.max(0, Math.min(buffer.size(), batchStart - wrote)));
        return inFile;
    }
}
