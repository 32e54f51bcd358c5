package io.gatewaylog.sink.file.internal.audit;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reads a trail's lines in writing order across its files. A damaged compressed file does not throw:
 * it ends with a {@link Status#CUT} or {@link Status#CORRUPT} entry, which the verifier reports.
 */
final class TrailReader implements Closeable {
    /** What an entry is. */
    enum Status {
        LINE,
        CUT,
        CORRUPT
    }

    /**
     * One line (or the point where a compressed file broke).
     *
     * @param fileIndex the file's index in the trail
     * @param file the file
     * @param line the line number in the file, from 1
     * @param bytes the line's bytes, without {@code '\n'}
     * @param terminated whether it ended with {@code '\n'}
     * @param status a line, or where a file broke
     * @param detail why it broke
     */
    record Entry(
            int fileIndex, TrailFile file, long line, byte[] bytes, boolean terminated, Status status, String detail) {
        boolean after(Entry other) {
            return fileIndex > other.fileIndex || fileIndex == other.fileIndex && line > other.line;
        }
    }

    /** The seal of a whole, terminated line entry; null for none, for another entry, or for null. */
    static SealFormat.Seal sealOf(Entry e) {
        return e == null || e.status() != Status.LINE || !e.terminated()
                ? null
                : SealFormat.parse(e.bytes(), e.bytes().length);
    }

    private final List<TrailFile> files;
    private int index = -1;
    private InputStream in;
    private LineReader reader;

    TrailReader(List<TrailFile> files) {
        this.files = files;
    }

    /** The next entry, or null after the last file. */
    Entry next() throws IOException {
        while (true) {
            if (reader == null) {
                if (++index >= files.size()) {
                    return null;
                }
                Entry broken = open(files.get(index));
                if (broken != null) {
                    return broken;
                }
                if (reader == null) {
                    continue; // vanished: removed by retention since the listing
                }
            }
            TrailFile f = files.get(index);
            try {
                if (reader.next()) {
                    return new Entry(
                            index,
                            f,
                            reader.number(),
                            Arrays.copyOf(reader.bytes(), reader.length()),
                            reader.terminated(),
                            Status.LINE,
                            null);
                }
            } catch (EOFException e) {
                return broke(
                        f, reader.number(), Status.CUT, "the compressed data ends abruptly (" + e.getMessage() + ")");
            } catch (ZipException e) {
                return broke(
                        f, reader.number(), Status.CORRUPT, "the compressed data is damaged (" + e.getMessage() + ")");
            }
            closeFile();
        }
    }

    private Entry open(TrailFile f) throws IOException {
        try {
            in = f.open();
        } catch (NoSuchFileException gone) {
            if (f.isCurrent() || f.compressed()) {
                return null;
            }
            // Compressed since the listing: its archive holds the same lines.
            Path gz = f.path().resolveSibling(f.path().getFileName() + ".gz");
            try {
                in = new TrailFile(gz, f.sequence(), true).open();
            } catch (NoSuchFileException alsoGone) {
                return null;
            } catch (EOFException | ZipException e) {
                return broke(f, 1, Status.CORRUPT, "not a readable gzip file (" + e.getMessage() + ")");
            }
        } catch (EOFException e) {
            return broke(f, 1, Status.CUT, "the compressed file is empty or cut in its header");
        } catch (ZipException e) {
            return broke(f, 1, Status.CORRUPT, "not a readable gzip file (" + e.getMessage() + ")");
        }
        reader = new LineReader(in);
        return null;
    }

    private Entry broke(TrailFile f, long line, Status status, String detail) throws IOException {
        closeFile();
        return new Entry(index, f, line, new byte[0], false, status, detail);
    }

    private void closeFile() throws IOException {
        reader = null;
        InputStream s = in;
        in = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() throws IOException {
        closeFile();
    }
}
