package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.LogComponent;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One component's spool: a directory of segment files holding framed records ({@link Frame}), named by
 * the logical position of their first byte ({@code 00000000000000000000.seg}), and a {@link CommitFile}.
 * Positions grow forever across segments and restarts, so "acknowledged up to P" is one number.
 *
 * <p>The component's writer appends ({@link #append}); the sender thread reads ({@link SpoolReader}) up to the
 * published {@link #end()}, sends, and once Kafka has acknowledged a prefix, {@link #commit commits} its
 * end and deletes the segments wholly below it. Everything written is in the operating system's hands
 * when {@code append} returns, so a killed process loses nothing; {@link #force} puts it on the disk.
 */
final class ComponentSpool implements Closeable {
    final LogComponent component;
    private final Path dir;
    private final SpoolBudget budget;
    private final long segmentBytes;
    /** Segment base position to file; the last entry is the active segment. */
    private final ConcurrentSkipListMap<Long, Path> segments = new ConcurrentSkipListMap<>();

    private final Object writeLock = new Object();
    private final CommitFile commitFile;
    private FileChannel active;
    private long activeBase;
    private volatile long end;
    private volatile boolean dirty;
    /** Records spooled and not yet acknowledged (or dropped). */
    final AtomicLong pendingRecords = new AtomicLong();

    private ComponentSpool(
            LogComponent component, Path dir, SpoolBudget budget, long segmentBytes, CommitFile commitFile) {
        this.component = component;
        this.dir = dir;
        this.budget = budget;
        this.segmentBytes = segmentBytes;
        this.commitFile = commitFile;
    }

    /**
     * Opens the spool in {@code dir}, recovering what a previous process left: segments wholly below the
     * committed position are deleted, the last segment is cut back to its last whole frame.
     */
    static ComponentSpool open(LogComponent component, Path dir, SpoolBudget budget, long segmentBytes)
            throws IOException {
        Files.createDirectories(dir);
        CommitFile commit = CommitFile.open(dir.resolve("committed"));
        ComponentSpool spool = new ComponentSpool(component, dir, budget, segmentBytes, commit);
        spool.recover();
        return spool;
    }

    private void recover() throws IOException {
        SegmentFiles.list(dir, segments);
        long committed = commitFile.position();
        deleteAcknowledged(committed);
        if (segments.isEmpty()) {
            long base = Math.max(committed, 0);
            segments.put(base, dir.resolve(name(base)));
        }
        Map.Entry<Long, Path> last = segments.lastEntry();
        activeBase = last.getKey();
        active = SegmentFiles.openForAppend(last.getValue());
        end = activeBase + active.position();
        if (committed < 0 || committed < segments.firstKey()) {
            committed = segments.firstKey();
        }
        if (committed > end) {
            // A commit beyond the data (the segment was lost): start afresh at the end.
            committed = end;
        }
        commitFile.write(committed);
        long bytes = 0;
        for (Path f : segments.values()) {
            bytes += Files.size(f);
        }
        budget.add(bytes);
        pendingRecords.set(countFrames(committed));
        this.recoveredCommitted = committed;
    }

    /** Deletes the segments wholly acknowledged: the process died between committing and deleting. */
    private void deleteAcknowledged(long committed) throws IOException {
        while (segments.size() > 1 && committed >= 0) {
            Map.Entry<Long, Path> first = segments.firstEntry();
            Long next = segments.higherKey(first.getKey());
            if (next > committed) {
                break;
            }
            Files.deleteIfExists(first.getValue());
            segments.pollFirstEntry();
        }
    }

    private long recoveredCommitted;

    /** Where the sender starts: the first record not acknowledged by Kafka. */
    long committed() {
        return recoveredCommitted;
    }

    private long countFrames(long from) throws IOException {
        long n = 0;
        try (SpoolReader r = reader(from)) {
            while (true) {
                Frame f = r.next();
                if (f == null) {
                    return n;
                }
                n++;
            }
        } catch (Frame.Corrupt e) {
            return n;
        }
    }

    static String name(long base) {
        return SegmentFiles.name(base);
    }

    /** The published end: every byte below it is whole frames, readable by the sender. */
    long end() {
        return end;
    }

    /**
     * Appends whole frames (already reserved in the budget). On failure nothing of them stays: the file
     * is cut back, so the core's retry cannot duplicate.
     */
    void append(ByteBuffer frames, int records) throws IOException {
        synchronized (writeLock) {
            int bytes = frames.remaining();
            if (end - activeBase >= segmentBytes) {
                roll();
            }
            long before = active.position();
            try {
                while (frames.hasRemaining()) {
                    active.write(frames);
                }
            } catch (IOException e) {
                try {
                    active.truncate(before);
                    active.position(before);
                } catch (IOException ignored) {
                    // the next append starts from the channel's position; recovery cuts a torn frame anyway
                }
                throw e;
            }
            pendingRecords.addAndGet(records);
            dirty = true;
            end += bytes;
        }
    }

    private void roll() throws IOException {
        FileChannel old = active;
        long base = end;
        Path f = dir.resolve(name(base));
        active = FileChannel.open(
                f,
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        activeBase = base;
        segments.put(base, f);
        old.force(false);
        old.close();
    }

    /** Records the acknowledged position and deletes the segments wholly below it. */
    void commit(long position) throws IOException {
        commitFile.write(position);
        while (segments.size() > 1) {
            Map.Entry<Long, Path> first = segments.firstEntry();
            Long next = segments.higherKey(first.getKey());
            if (next == null || next > position) {
                break;
            }
            long size = Files.size(first.getValue());
            Files.deleteIfExists(first.getValue());
            segments.remove(first.getKey());
            budget.release(size);
        }
    }

    /** Puts what was appended, and the commit file, on the disk. */
    void force() throws IOException {
        if (!dirty) {
            return;
        }
        dirty = false;
        synchronized (writeLock) {
            active.force(false);
        }
        commitFile.force();
    }

    SpoolReader reader(long from) throws IOException {
        SpoolReader r = new SpoolReader(segments, this::end);
        r.seek(from);
        return r;
    }

    /** Segment files, oldest first (for tests and diagnostics). */
    List<Path> segmentFiles() {
        return new ArrayList<>(segments.values());
    }

    @Override
    public void close() throws IOException {
        synchronized (writeLock) {
            active.force(false);
            active.close();
        }
        commitFile.force();
        commitFile.close();
    }
}
