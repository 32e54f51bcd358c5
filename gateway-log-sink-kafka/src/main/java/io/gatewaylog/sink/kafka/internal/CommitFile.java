package io.gatewaylog.sink.kafka.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The committed offset of one component's spool: the logical position up to which Kafka has acknowledged
 * every record. Two 24-byte slots, written alternately in place, each {@code long sequence | long position
 * | int CRC-32C | int 0}; the valid slot with the higher sequence wins. A write torn by a crash therefore
 * leaves the previous value readable: the worst case is that records acknowledged since then are sent
 * again (bounded duplicates), never that unacknowledged ones are skipped.
 */
final class CommitFile implements Closeable {
    static final int SLOT = 24;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(SLOT);
    private long sequence;
    private long position;

    private CommitFile(FileChannel channel, long sequence, long position) {
        this.channel = channel;
        this.sequence = sequence;
        this.position = position;
    }

    static CommitFile open(Path file) throws IOException {
        FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long bestSeq = -1;
        long bestPos = -1;
        ByteBuffer b = ByteBuffer.allocate(SLOT);
        for (int slot = 0; slot < 2; slot++) {
            b.clear();
            int n = 0;
            while (b.hasRemaining()) {
                int r = ch.read(b, (long) slot * SLOT + n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n < SLOT) {
                continue;
            }
            long seq = b.getLong(0);
            long pos = b.getLong(8);
            CRC32C crc = new CRC32C();
            crc.update(b.array(), 0, 16);
            if ((int) crc.getValue() == b.getInt(16) && seq > bestSeq && pos >= 0) {
                bestSeq = seq;
                bestPos = pos;
            }
        }
        return new CommitFile(ch, Math.max(bestSeq, 0), bestPos);
    }

    /** The committed position, or -1 if none was ever written. */
    long position() {
        return position;
    }

    void write(long newPosition) throws IOException {
        long seq = sequence + 1;
        buffer.clear();
        buffer.putLong(seq).putLong(newPosition);
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, 16);
        buffer.putInt((int) crc.getValue()).putInt(0).flip();
        long at = (seq & 1) * SLOT;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
        sequence = seq;
        position = newPosition;
    }

    void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
