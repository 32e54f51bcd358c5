package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One component's sending state: its spool reader, the records handed to the producer and not yet
 * acknowledged (in spool order), and the acknowledged prefix ({@link #acked}), which only ever covers a
 * run of acknowledged records from the start, so a commit never skips one still in flight. Written by
 * the sender thread and by the producer's network thread (the acknowledgements), under this object's
 * lock.
 */
final class SendState {
    static final int PENDING = 0;
    static final int OK = 1;
    static final int FAILED = 2;
    private static final Header[] LEVEL_HEADERS = new Header[Level.values().length];

    static {
        for (Level l : Level.values()) {
            LEVEL_HEADERS[l.ordinal()] = new RecordHeader("level", l.name().getBytes(StandardCharsets.UTF_8));
        }
    }

    final ComponentSpool spool;
    final SpoolReader reader;
    final String topic;
    final Header componentHeader;
    private final ArrayDeque<Entry> inFlight = new ArrayDeque<>();
    /** Written under the lock by both threads; a stale read only delays the sender's check. */
    volatile long inFlightBytes;

    private int pending;
    volatile Exception failure;
    volatile long acked;
    private long committed;
    /** When the sender may send again after a rewind (System.nanoTime()). */
    long resumeAt;

    /** A record handed to the producer and not yet known to be acknowledged. */
    static final class Entry {
        final long end;
        final int size;
        int status = PENDING;

        private Entry(long end, int size) {
            this.end = end;
            this.size = size;
        }
    }

    SendState(ComponentSpool spool, String topic) throws IOException {
        this.spool = spool;
        this.topic = topic;
        this.acked = spool.committed();
        this.committed = acked;
        this.reader = spool.reader(acked);
        this.componentHeader =
                new RecordHeader("component", spool.component.id().getBytes(StandardCharsets.UTF_8));
    }

    /** The Kafka record of a spooled frame: key, value and time as spooled, headers component and level. */
    ProducerRecord<byte[], byte[]> record(Frame f) {
        return new ProducerRecord<>(topic, null, f.epochMillis, f.key, f.value, new RecordHeaders(new Header[] {
            componentHeader, LEVEL_HEADERS[f.level]
        }));
    }

    /** Notes the frame ending at {@code end} as handed to the producer. */
    synchronized Entry add(long end, int size) {
        Entry e = new Entry(end, size);
        inFlight.addLast(e);
        inFlightBytes += size;
        pending++;
        return e;
    }

    /**
     * After a failure, once every send has come back: forgets what was in flight (to be sent again from
     * {@link #acked}) and clears the failure. Returns how many records are sent again, or -1 while sends
     * are still outstanding.
     */
    synchronized int rewindWhenSettled() {
        if (pending > 0) {
            return -1;
        }
        int resent = inFlight.size();
        inFlight.clear();
        inFlightBytes = 0;
        failure = null;
        return resent;
    }

    /**
     * A send came back ({@code ok}: acknowledged, or refused for good and counted as dropped). Advances
     * the acknowledged prefix; returns how many records it advanced by.
     */
    synchronized int complete(Entry entry, boolean ok, Exception error) {
        pending--;
        entry.status = ok ? OK : FAILED;
        if (!ok && failure == null) {
            failure = error;
        }
        int advanced = 0;
        while (!inFlight.isEmpty() && inFlight.peekFirst().status == OK) {
            Entry head = inFlight.pollFirst();
            inFlightBytes -= head.size;
            acked = head.end;
            spool.pendingRecords.decrementAndGet();
            advanced++;
        }
        return advanced;
    }

    /** The reader skipped a damaged segment: with nothing in flight, the prefix moves past it. */
    synchronized void skipped() {
        if (pending == 0 && inFlight.isEmpty()) {
            acked = reader.position();
        }
    }

    /** Commits the acknowledged prefix if it moved since the last commit. */
    void commitIfMoved() throws IOException {
        long a = acked;
        if (a != committed) {
            spool.commit(a);
            committed = a;
        }
    }
}
