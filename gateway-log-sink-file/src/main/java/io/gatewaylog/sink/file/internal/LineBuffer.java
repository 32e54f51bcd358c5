package io.gatewaylog.sink.file.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * A reusable, growable byte buffer that the encoder writes a whole batch into, so that the batch goes
 * to the file in one write call. Like {@link java.io.ByteArrayOutputStream}, but unsynchronized (one
 * writer thread uses it), able to cut lines off its end (a failed batch) or its head (lines that went
 * into the file before a rotation), and writing straight from its array to a channel.
 */
final class LineBuffer extends OutputStream {
    /** A buffer grown past this by a huge batch is given back once empty. */
    private static final int KEEP_AT_MOST = 8 << 20;

    private final int initialCapacity;
    private byte[] buf;
    private ByteBuffer view;
    private int count;

    LineBuffer(int initialCapacity) {
        this.initialCapacity = initialCapacity;
        this.buf = new byte[initialCapacity];
        this.view = ByteBuffer.wrap(buf);
    }

    @Override
    public void write(int b) {
        ensure(count + 1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(count + len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    int size() {
        return count;
    }

    byte byteAt(int index) {
        return buf[index];
    }

    /** Drops everything from {@code size} on. */
    void truncate(int size) {
        count = size;
    }

    /** Drops the first {@code n} bytes, keeping the rest. */
    void discardHead(int n) {
        System.arraycopy(buf, n, buf, 0, count - n);
        count -= n;
    }

    /** Empties the buffer, giving back memory a huge batch made it take. */
    void reset() {
        count = 0;
        if (buf.length > KEEP_AT_MOST) {
            buf = new byte[initialCapacity];
            view = ByteBuffer.wrap(buf);
        }
    }

    /**
     * Writes bytes {@code [from, to)} to the channel at its position, all of them or an exception; after
     * an exception {@link #writtenSoFar()} says how far it got.
     */
    void writeTo(FileChannel channel, int from, int to) throws IOException {
        view.limit(to).position(from);
        while (view.hasRemaining()) {
            channel.write(view);
        }
    }

    /** The buffer offset the last {@link #writeTo} reached. */
    int writtenSoFar() {
        return view.position();
    }

    /** The start of the line holding offset {@code pos} (0, or just after a {@code '\n'}); {@code pos} itself if a line starts there. */
    int lineStartAtOrBefore(int pos) {
        int p = Math.min(pos, count);
        while (p > 0 && buf[p - 1] != '\n') {
            p--;
        }
        return p;
    }

    /** The backing array: bytes {@code [0, size())} are the content. */
    byte[] array() {
        return buf;
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) {
            if (capacity < 0) {
                throw new OutOfMemoryError("a batch of more than 2GB");
            }
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) buf.length * 2, capacity));
            buf = Arrays.copyOf(buf, grown);
            view = ByteBuffer.wrap(buf);
        }
    }
}
