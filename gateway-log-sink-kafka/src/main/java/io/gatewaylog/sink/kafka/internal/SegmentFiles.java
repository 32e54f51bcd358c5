package io.gatewaylog.sink.kafka.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The segment files of a spool directory: named by the logical position of their first byte
 * ({@code 00000000000000000000.seg}), and the recovery of the last one, which a crash may have left with
 * a torn frame at its end.
 */
final class SegmentFiles {
    static final String SUFFIX = ".seg";

    private SegmentFiles() {}

    static String name(long base) {
        return String.format("%020d%s", base, SUFFIX);
    }

    /** Puts every segment file of {@code dir} into {@code into}, by base position; other files are left alone. */
    static void list(Path dir, Map<Long, Path> into) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    into.put(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), f);
                } catch (NumberFormatException e) {
                    // not ours: left alone
                }
            }
        }
    }

    /**
     * Opens (or creates) a segment for appending, cut back to its last whole frame and positioned there,
     * so a frame torn by a crash is never read or appended after.
     */
    static FileChannel openForAppend(Path f) throws IOException {
        FileChannel ch =
                FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long valid = validLength(ch);
            if (valid < ch.size()) {
                ch.truncate(valid);
                ch.force(true);
            }
            ch.position(valid);
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
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
}
