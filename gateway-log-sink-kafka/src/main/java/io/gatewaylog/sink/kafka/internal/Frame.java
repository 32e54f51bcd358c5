package io.gatewaylog.sink.kafka.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One spooled record, as framed in a segment file:
 * <pre>
 * int    length of the body (big-endian)
 * int    CRC-32C of the body
 * body:  byte version (1) | byte level (ordinal) | long epoch millis | short key length | key (UTF-8) | value (the JSON line)
 * </pre>
 * A frame whose length runs past the end of the file or whose CRC does not match is a torn write (the
 * process died in the middle of it) or damage: recovery cuts the segment there.
 */
final class Frame {
    static final int HEADER = 8;
    static final int BODY_FIXED = 1 + 1 + 8 + 2;
    static final byte VERSION = 1;
    /** Larger than any record the encoder makes (strings are cut at max.value.length), far below 2 GB. */
    static final int MAX_BODY = 64 << 20;

    final int level;
    final long epochMillis;
    final byte[] key;
    final byte[] value;
    /** Logical spool position just past this frame: what is acknowledged once Kafka has it. */
    final long end;

    final int size;

    Frame(int level, long epochMillis, byte[] key, byte[] value, long end, int size) {
        this.level = level;
        this.epochMillis = epochMillis;
        this.key = key;
        this.value = value;
        this.end = end;
        this.size = size;
    }

    static int size(int keyLength, int valueLength) {
        return HEADER + BODY_FIXED + keyLength + valueLength;
    }

    /** Appends a frame to {@code out}, which must have room for {@link #size}. */
    static void write(
            ByteBuffer out, int level, long epochMillis, byte[] key, byte[] value, int valueOffset, int valueLength) {
        int start = out.position();
        int body = BODY_FIXED + key.length + valueLength;
        out.putInt(body).putInt(0);
        out.put(VERSION)
                .put((byte) level)
                .putLong(epochMillis)
                .putShort((short) key.length)
                .put(key);
        out.put(value, valueOffset, valueLength);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), out.arrayOffset() + start + HEADER, body);
        out.putInt(start + 4, (int) crc.getValue());
    }

    /**
     * Reads the frame at {@code in}'s position if it is whole; leaves the position unchanged and returns
     * null if more bytes are needed. Throws {@link Corrupt} for a frame that can never be read.
     */
    static Frame read(ByteBuffer in, long positionOfIn) throws Corrupt {
        return read(in, positionOfIn, null);
    }

    /** As {@link #read(ByteBuffer, long)}, returning {@code lastKey} itself when the key is the same bytes. */
    static Frame read(ByteBuffer in, long positionOfIn, byte[] lastKey) throws Corrupt {
        if (in.remaining() < HEADER) {
            return null;
        }
        int p = in.position();
        int body = in.getInt(p);
        if (body < BODY_FIXED || body > MAX_BODY) {
            throw new Corrupt("frame length " + body);
        }
        if (in.remaining() < HEADER + body) {
            return null;
        }
        int stored = in.getInt(p + 4);
        CRC32C crc = new CRC32C();
        crc.update(in.array(), in.arrayOffset() + p + HEADER, body);
        if ((int) crc.getValue() != stored) {
            throw new Corrupt("CRC mismatch");
        }
        in.position(p + HEADER);
        byte version = in.get();
        if (version != VERSION) {
            throw new Corrupt("frame version " + version);
        }
        int level = in.get();
        long millis = in.getLong();
        int keyLength = in.getShort() & 0xffff;
        if (keyLength > body - BODY_FIXED) {
            throw new Corrupt("key length " + keyLength);
        }
        byte[] key;
        // One gateway writes one key: no array per record for it.
        if (lastKey != null
                && lastKey.length == keyLength
                && in.slice(in.position(), keyLength).equals(ByteBuffer.wrap(lastKey))) {
            key = lastKey;
            in.position(in.position() + keyLength);
        } else {
            key = new byte[keyLength];
            in.get(key);
        }
        byte[] value = new byte[body - BODY_FIXED - keyLength];
        in.get(value);
        return new Frame(level, millis, key, value, positionOfIn + HEADER + body, HEADER + body);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A frame that cannot be read: torn or damaged. */
    static final class Corrupt extends Exception {
        private static final long serialVersionUID = 1L;

        Corrupt(String message) {
            super(message, null, false, false);
        }
    }
}
