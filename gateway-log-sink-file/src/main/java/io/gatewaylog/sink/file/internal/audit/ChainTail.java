package io.gatewaylog.sink.file.internal.audit;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Finds where a chain stopped: the newest sealed line of a component directory. The last complete
 * line of {@code current.log} is read from the file's end (a restart must not read a 200MB file); a
 * rotated file, or a current.log whose last line is not sealed, is read from its start.
 */
final class ChainTail {
    private static final int CHUNK = 8 * 1024;
    /** A last line longer than this is found by reading the file forwards instead. */
    private static final int MAX_TAIL_LINE = 1 << 20;

    private ChainTail() {}

    /** The newest sealed line's seal, or null if the newest file with a complete line has none. */
    static SealFormat.Seal newestSeal(Path dir) throws IOException {
        List<TrailFile> trail = TrailFile.list(dir);
        for (int i = trail.size() - 1; i >= 0; i--) {
            TrailFile f = trail.get(i);
            if (f.isCurrent()) {
                byte[] last = lastCompleteLine(f.path());
                if (last == null) {
                    continue; // empty, or only a partial line: the chain stopped in an archive
                }
                SealFormat.Seal seal = SealFormat.parse(last, last.length);
                if (seal != null) {
                    return seal;
                }
            }
            Scan scan = scan(f);
            if (scan.lines > 0) {
                return scan.lastSeal;
            }
        }
        return null;
    }

    private record Scan(long lines, SealFormat.Seal lastSeal) {}

    /** Reads a file forwards; a compressed file cut short counts up to where it breaks. */
    private static Scan scan(TrailFile f) throws IOException {
        long lines = 0;
        SealFormat.Seal last = null;
        try (InputStream in = f.open()) {
            LineReader r = new LineReader(in);
            while (r.next() && r.terminated()) {
                lines++;
                SealFormat.Seal s = SealFormat.parse(r.bytes(), r.length());
                if (s != null) {
                    last = s;
                }
            }
        } catch (EOFException | ZipException damaged) {
            // A damaged archive is the verifier's to report; the chain goes on from what is readable.
        }
        return new Scan(lines, last);
    }

    /** The last line that ends with {@code '\n'} (without it), or null if there is none. */
    static byte[] lastCompleteLine(Path file) throws IOException {
        try (FileChannel ch =
                FileChannel.open(file, StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            long end = lastNewline(ch, ch.size());
            if (end < 0) {
                return null;
            }
            long start = lastNewline(ch, end) + 1;
            if (end - start > MAX_TAIL_LINE) {
                return new byte[0]; // not a seal; the caller reads forwards
            }
            ByteBuffer line = ByteBuffer.allocate((int) (end - start));
            while (line.hasRemaining()) {
                if (ch.read(line, start + line.position()) < 0) {
                    throw new EOFException(file + " shrank while being read");
                }
            }
            return line.array();
        }
    }

    /** The position of the last {@code '\n'} before {@code before}, or -1. */
    private static long lastNewline(FileChannel ch, long before) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(CHUNK);
        long pos = before;
        while (pos > 0) {
            int len = (int) Math.min(CHUNK, pos);
            long start = pos - len;
            b.clear().limit(len);
            while (b.hasRemaining()) {
                if (ch.read(b, start + b.position()) < 0) {
                    return -1;
                }
            }
            for (int i = len - 1; i >= 0; i--) {
                if (b.get(i) == '\n') {
                    return start + i;
                }
            }
            pos = start;
        }
        return -1;
    }
}
