package io.gatewaylog.sink.kafka.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;

/**
 * Reads a {@link ComponentSpool}'s frames in order from a position, across segments, up to the spool's
 * published end; used by one thread (the sender, or recovery counting what is pending).
 */
final class SpoolReader implements Closeable {
    private final ConcurrentSkipListMap<Long, Path> segments;
    private final LongSupplier end;
    private ByteBuffer buf = ByteBuffer.allocate(256 * 1024);
    private FileChannel channel;
    private long base;
    /** Logical position of the first byte in {@code buf} (after flip: of its position). */
    private long bufStart;

    private long fileRead;
    private byte[] lastKey;

    /** A reader of {@code segments} (base position to file), whose last segment ends at {@code end}. */
    SpoolReader(ConcurrentSkipListMap<Long, Path> segments, LongSupplier end) {
        this.segments = segments;
        this.end = end;
    }

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
        return nextBase != null ? nextBase : end.getAsLong();
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
