package io.gatewaylog.sink.file.internal.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The chain head, {@code <dir>/.audit-head}: the seq and hash of the newest sealed line that reached
 * the file, written after every write of sealed lines (and fsync'ed with them in {@code fsync} mode).
 * Cutting the newest records off the trail does not cut the head, so the verifier and the next start
 * see that records the head vouches for are missing.
 *
 * <p>The file has two fixed 256-byte slots written in turn, each a text line
 * {@code v1 seq=<n> hash=<hex> since=<n> check=<hex>}: a write torn by a crash spoils at most one slot,
 * and the other still holds the previous head. {@code check} is {@code H(0^32 || 0 || text)} with the
 * chain's hash (HMAC-SHA256 with the configured key, else SHA-256; seq 0 is never a record's, so a
 * check can never pass for a record hash): with a key the head cannot be forged, without one it only
 * catches damage and naive edits. {@code since} is the seq from which this head has been kept: above
 * the trail's first seq, the head was created (or recreated) while sealed records already existed, and
 * a truncation before that point cannot be ruled out.
 */
public final class ChainHead implements Closeable {
    public static final String FILE = ".audit-head";
    private static final int SLOT = 256;

    /**
     * A head as read back.
     *
     * @param seq the newest sealed seq written
     * @param hash its hash
     * @param since the seq from which the head has been kept
     */
    record State(long seq, byte[] hash, long since) {}

    /** What reading the head file found. */
    enum Found {
        MISSING,
        INVALID,
        VALID
    }

    /**
     * The outcome of reading.
     *
     * @param found missing, invalid (no slot whose check passes), or valid
     * @param state the newest valid slot (VALID only)
     */
    public record Read(Found found, State state) {}

    private final FileChannel channel;
    private final ChainHash check;
    private final long since;
    private final ByteBuffer slot = ByteBuffer.allocate(SLOT);
    private int next;

    private ChainHead(FileChannel channel, ChainHash check, long since, int next) {
        this.channel = channel;
        this.check = check;
        this.since = since;
        this.next = next;
    }

    /** Reads the head of {@code dir}: the newest slot whose check passes. Never follows a link. */
    public static Read read(Path dir, byte[] keyOrNull) throws IOException {
        byte[] bytes;
        try (FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer b = ByteBuffer.allocate(2 * SLOT);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // read both slots
            }
            bytes = Arrays.copyOf(b.array(), b.position());
        } catch (NoSuchFileException e) {
            return new Read(Found.MISSING, null);
        }
        if (bytes.length == 0) {
            return new Read(Found.MISSING, null); // created, but no sealed line was written yet
        }
        ChainHash hash = new ChainHash(keyOrNull);
        State best = null;
        for (int i = 0; i * SLOT < bytes.length; i++) {
            State s = parse(bytes, i * SLOT, Math.min(SLOT, bytes.length - i * SLOT), hash);
            if (s != null && (best == null || s.seq() > best.seq())) {
                best = s;
            }
        }
        return best == null ? new Read(Found.INVALID, null) : new Read(Found.VALID, best);
    }

    /**
     * Opens (creating, mode {@code fileMode}) the head of {@code dir} for writing; {@code since} is
     * stored with every head written.
     */
    public static ChainHead open(
            Path dir, byte[] keyOrNull, long since, State current, Set<PosixFilePermission> fileMode)
            throws IOException {
        Path file = dir.resolve(FILE);
        Set<StandardOpenOption> options =
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileChannel ch;
        if (fileMode != null
                && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            ch = FileChannel.open(file, union(options), PosixFilePermissions.asFileAttribute(fileMode));
        } else {
            ch = FileChannel.open(file, union(options));
        }
        ChainHead head = new ChainHead(ch, new ChainHash(keyOrNull), since, 0);
        if (current != null) {
            head.write(current.seq(), current.hash(), false);
        }
        return head;
    }

    private static Set<OpenOption> union(Set<StandardOpenOption> options) {
        Set<OpenOption> all = new HashSet<>(options);
        all.add(LinkOption.NOFOLLOW_LINKS);
        return all;
    }

    /** Records that the line of {@code seq}/{@code hash} is in the file; fsyncs the head if asked. */
    public void write(long seq, byte[] hash, boolean sync) throws IOException {
        String text = text(seq, hash, since);
        String line = text + " check=" + SealFormat.hex(check(this.check, text));
        byte[] b = Arrays.copyOf(line.getBytes(StandardCharsets.US_ASCII), SLOT);
        Arrays.fill(b, line.length(), SLOT - 1, (byte) ' ');
        b[SLOT - 1] = '\n';
        slot.clear();
        slot.put(b).flip();
        long pos = (long) next * SLOT;
        while (slot.hasRemaining()) {
            pos += channel.write(slot, pos);
        }
        next = 1 - next;
        if (sync) {
            channel.force(false);
        }
    }

    long since() {
        return since;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static String text(long seq, byte[] hash, long since) {
        return "v1 seq=" + seq + " hash=" + SealFormat.hex(hash) + " since=" + since;
    }

    private static byte[] check(ChainHash hash, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        return hash.hash(SealFormat.ZERO_HASH, 0, t, 0, t.length);
    }

    private static State parse(byte[] bytes, int off, int len, ChainHash hash) {
        String line = new String(bytes, off, len, StandardCharsets.US_ASCII).trim();
        int c = line.lastIndexOf(" check=");
        if (c < 0) {
            return null;
        }
        String text = line.substring(0, c);
        String[] parts = text.split(" ");
        if (parts.length != 4
                || !parts[0].equals("v1")
                || !parts[1].startsWith("seq=")
                || !parts[2].startsWith("hash=")
                || !parts[3].startsWith("since=")) {
            return null;
        }
        try {
            byte[] expected = check(hash, text);
            if (!SealFormat.hex(expected).equals(line.substring(c + 7))) {
                return null;
            }
            long seq = Long.parseLong(parts[1].substring(4));
            byte[] h = HexFormat.of().parseHex(parts[2].substring(5));
            long since = Long.parseLong(parts[3].substring(6));
            return h.length == SealFormat.HASH_BYTES && seq > 0 && since > 0 ? new State(seq, h, since) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
