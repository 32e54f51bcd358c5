package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What one sink has not taken yet, in order, as chunks of the batches it came from: bounded like the
 * buffer ({@code buffer.max} records and {@code buffer.max.bytes}; beyond that the oldest chunks are given
 * up and counted as {@code sink_failure}). Knows how many records and bytes it holds and how many of them
 * are accepted records (the pipeline's own drop reports excluded). Never calls the sink; {@link SinkSlot}
 * does. Used by one thread at a time.
 */
final class SinkBacklog {
    /** What the sink still owes of one batch: its records from {@code offset} on. */
    record Chunk(Batch batch, int offset, List<LogRecord> records, long bytes) {}

    private final int maxRecords;
    private final long maxBytes;
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private int records;
    private int owed;
    private long bytes;

    SinkBacklog(int maxRecords, long maxBytes) {
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    boolean isEmpty() {
        return chunks.isEmpty();
    }

    int records() {
        return records;
    }

    long bytes() {
        return bytes;
    }

    /** Accepted records held (what makes a flush false). */
    int owed() {
        return owed;
    }

    int maxRecords() {
        return maxRecords;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** The oldest chunk, the next to offer to the sink; null when empty. */
    Chunk head() {
        return chunks.peekFirst();
    }

    /** The head was taken whole by the sink. */
    void removeHead() {
        removed(chunks.pollFirst());
    }

    /** The sink took the head's first {@code taken} records: only the rest stays, in order, at the front. */
    void cutHead(int taken) {
        Chunk head = chunks.pollFirst();
        removed(head);
        List<LogRecord> rest = new ArrayList<>(head.records.subList(taken, head.records.size()));
        Chunk tail = new Chunk(head.batch, head.offset + taken, rest, bytes(rest));
        chunks.addFirst(tail);
        added(tail);
    }

    /** Keeps records {@code offset..} of {@code batch} at the end, giving up the oldest chunks beyond the bounds. */
    void keep(Batch batch, int offset, List<LogRecord> records) {
        List<LogRecord> copy = new ArrayList<>(records);
        Chunk c = new Chunk(batch, offset, copy, bytes(copy));
        chunks.addLast(c);
        added(c);
        // The newest chunk always stays, even alone over the byte bound: it gets at least one retry.
        while ((this.records > maxRecords || bytes > maxBytes) && chunks.size() > 1) {
            Chunk oldest = chunks.pollFirst();
            removed(oldest);
            oldest.batch.givenUp(oldest.offset, PipelineStats.SINK_FAILURE);
        }
    }

    /** Gives up everything kept; counted with {@code reason}. */
    void giveUpAll(String reason) {
        while (!chunks.isEmpty()) {
            Chunk c = chunks.pollFirst();
            c.batch.givenUp(c.offset, reason);
        }
        records = 0;
        owed = 0;
        bytes = 0;
    }

    /** Gives up what is kept of {@code batch}; true if some was kept. */
    boolean giveUp(Batch batch) {
        for (Iterator<Chunk> it = chunks.descendingIterator(); it.hasNext(); ) {
            Chunk c = it.next();
            if (c.batch == batch) {
                it.remove();
                removed(c);
                c.batch.givenUp(c.offset, PipelineStats.SINK_FAILURE);
                return true;
            }
        }
        return false;
    }

    private void added(Chunk c) {
        records += c.records.size();
        bytes += c.bytes;
        if (c.batch.counted()) {
            owed += c.records.size();
        }
    }

    private void removed(Chunk c) {
        records -= c.records.size();
        bytes -= c.bytes;
        if (c.batch.counted()) {
            owed -= c.records.size();
        }
    }

    private static long bytes(List<LogRecord> records) {
        long n = 0;
        for (LogRecord r : records) {
            n += RecordSize.estimate(r);
        }
        return n;
    }
}
