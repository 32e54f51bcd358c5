package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.LogComponent;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
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
 * <p>The component's writer appends ({@link #append}); the sender thread reads ({@link Reader}) up to the
 * published {@link #end()}, sends, and once Kafka has acknowledged a prefix, {@link #commit commits} its
 * end and deletes the segments wholly below it. Everything written is in the operating system's hands
 * when {@code append} returns, so a killed process loses nothing; {@link #force} puts it on the disk.
 */
final class ComponentSpool implements Closeable {
    static final String SUFFIX = ".seg";

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

    private ComponentSpool(LogComponent component, Path dir, SpoolBudget budget, long segmentBytes, CommitFile commitFile) {
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
    static ComponentSpool open(LogComponent component, Path dir, SpoolBudget budget, long segmentBytes) throws IOException {
        Files.createDirectories(dir);
        CommitFile commit = CommitFile.open(dir.resolve("committed"));
        ComponentSpool spool = new ComponentSpool(component, dir, budget, segmentBytes, commit);
        spool.recover();
        return spool;
    }

    private void recover() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    segments.put(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), f);
                } catch (NumberFormatException e) {
                    // not ours: left alone
                }
            }
        }
        long committed = commitFile.position();
        // Segments wholly acknowledged: the process died between committing and deleting.
        while (segments.size() > 1 && committed >= 0) {
            Map.Entry<Long, Path> first = segments.firstEntry();
            Long next = segments.higherKey(first.getKey());
            if (next > committed) {
                break;
            }
            Files.deleteIfExists(first.getValue());
            segments.pollFirstEntry();
        }
        if (segments.isEmpty()) {
            long base = Math.max(committed, 0);
            Path f = dir.resolve(name(base));
            segments.put(base, f);
        }
        Map.Entry<Long, Path> last = segments.lastEntry();
        activeBase = last.getKey();
        active = FileChannel.open(last.getValue(), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long valid = validLength(active);
        if (valid < active.size()) {
            active.truncate(valid);
            active.force(true);
        }
        active.position(valid);
        end = activeBase + valid;
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

    private long recoveredCommitted;

    /** Where the sender starts: the first record not acknowledged by Kafka. */
    long committed() {
        return recoveredCommitted;
    }

    private long countFrames(long from) throws IOException {
        long n = 0;
        try (Reader r = reader(from)) {
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

    /** Length of the whole frames at the start of {@code ch}. */
    private static long validLength(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long pos = 0;
        long filePos = 0;
        long size = ch.size();
        while (true) {
            Frame f;
            try {
                f = Frame.read(buf.flip(), pos);
            } catch (Frame.Corrupt e) {
                return pos;
            } finally {
                buf.compact();
            }
            if (f != null) {
                pos = f.end;
                continue;
            }
            if (filePos >= size) {
                return pos;
            }
            if (!buf.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(buf.capacity() * 2);
                bigger.put(buf.flip());
                buf = bigger;
            }
            int r = ch.read(buf, filePos);
            if (r < 0) {
                return pos;
            }
            filePos += r;
        }
    }

    static String name(long base) {
        return String.format("%020d%s", base, SUFFIX);
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
        active = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
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

    Reader reader(long from) throws IOException {
        Reader r = new Reader();
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

    /** Reads frames in order from a position; used by one thread. */
    final class Reader implements Closeable {
        private ByteBuffer buf = ByteBuffer.allocate(256 * 1024);
        private FileChannel channel;
        private long base;
        /** Logical position of the first byte in {@code buf} (after flip: of its position). */
        private long bufStart;
        private long fileRead;
        private byte[] lastKey;

        /** Moves to {@code position}, which must be a frame boundary at or past the oldest segment. */
        void seek(long position) throws IOException {
            closeChannel();
            Map.Entry<Long, Path> e = segments.floorEntry(position);
            if (e == null) {
                e = segments.firstEntry();
                position = e.getKey();
            }
            base = e.getKey();
            channel = FileChannel.open(e.getValue(), StandardOpenOption.READ);
            fileRead = position - base;
            bufStart = position;
            buf.clear().flip();
        }

        /** Logical position of the next frame. */
        long position() {
            return bufStart;
        }

        /** The next whole frame, or null if none is published yet. */
        Frame next() throws IOException, Frame.Corrupt {
            while (true) {
                Frame f = Frame.read(buf, bufStart, lastKey);
                if (f != null) {
                    bufStart = f.end;
                    lastKey = f.key;
                    return f;
                }
                long limit = limit();
                if (base + fileRead >= limit) {
                    Long nextBase = segments.higherKey(base);
                    if (nextBase == null || buf.hasRemaining()) {
                        // nothing more yet (or a frame cut at a segment's end, which recovery prevents)
                        return null;
                    }
                    seek(nextBase);
                    continue;
                }
                buf.compact();
                if (!buf.hasRemaining()) {
                    ByteBuffer bigger = ByteBuffer.allocate(buf.capacity() * 2);
                    bigger.put(buf.flip());
                    buf = bigger;
                }
                int max = (int) Math.min(buf.remaining(), limit - base - fileRead);
                ByteBuffer slice = buf.slice(buf.position(), max);
                int r = channel.read(slice, fileRead);
                if (r > 0) {
                    buf.position(buf.position() + r);
                    fileRead += r;
                }
                buf.flip();
                if (r <= 0) {
                    return null;
                }
            }
        }

        /** Where this segment's readable bytes end: the next segment's base, or the published end. */
        private long limit() {
            Long nextBase = segments.higherKey(base);
            return nextBase != null ? nextBase : end;
        }

        /** Skips the rest of the current segment (after damage); false if it is the last one. */
        boolean skipSegment() throws IOException {
            Long nextBase = segments.higherKey(base);
            if (nextBase == null) {
                return false;
            }
            seek(nextBase);
            return true;
        }

        private void closeChannel() throws IOException {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        }

        @Override
        public void close() throws IOException {
            closeChannel();
        }
    }
}
