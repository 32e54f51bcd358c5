package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.spi.ArchiveListing;
import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.api.spi.Reporter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finishes or cleans up what a crash left in a component directory, before the sink writes to it:
 * <ul>
 *   <li>{@code *.gz.tmp}: a compression that did not finish; its source still exists, so it is deleted;</li>
 *   <li>a rotated file without {@code .gz}: rotated but not compressed yet; it is queued for compression,
 *       once what is left of {@code sink.file.compress.delay} (from its modification time) has passed;</li>
 *   <li>a rotated file and its {@code .gz} both present: the crash came between the archive's rename and
 *       the source's deletion, or the archive was left by something else; the source is the one known to
 *       be whole, so the archive is deleted and the source compressed again;</li>
 *   <li>{@code current.log} ending in a partial line: a write cut off by the crash (never acknowledged to
 *       anyone, since {@code write} had not returned); the partial line is cut off so that the next
 *       line does not start in the middle of it.</li>
 * </ul>
 */
final class StartupRecovery {
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
    private static final int TAIL = 64 * 1024;

    private StartupRecovery() {}

    /** Cleans temporary files and queues the compression of rotated files left uncompressed. */
    static void recoverArchives(
            ArchiveDirectory archives,
            boolean compress,
            Compressor compressor,
            FileCounters counters,
            Reporter reporter)
            throws IOException {
        try (DirectoryStream<Path> temps =
                Files.newDirectoryStream(archives.directory(), "*.gz" + GzipArchive.TMP_SUFFIX)) {
            for (Path tmp : temps) {
                String name = tmp.getFileName().toString();
                String archive = name.substring(0, name.length() - GzipArchive.TMP_SUFFIX.length());
                if (ArchiveNames.parse(archive)
                        .filter(p -> p.component() == archives.component())
                        .isPresent()) {
                    Files.deleteIfExists(tmp);
                    reporter.warn("file sink: removed " + tmp + ", left by a compression that did not finish;"
                            + " its source is compressed again");
                }
            }
        }
        for (ArchiveListing.Listed e : archives.list()) {
            if (e.name().compressed()) {
                continue;
            }
            Path gz = e.path().resolveSibling(e.path().getFileName() + ".gz");
            if (Files.deleteIfExists(gz)) {
                reporter.warn(
                        "file sink: removed " + gz + " (its source " + e.path().getFileName()
                                + " still exists, so the archive may be incomplete); the source is compressed again");
            }
            if (compress) {
                compressor.submit(archives, e.path(), counters, remainingDelay(e.path(), archives.compressDelay()));
            }
        }
        // Pruning beyond backups (lowered since, say) is retention's: it prunes every directory as it starts.
    }

    /**
     * What is left of a rotated file's compress delay, counted from its modification time: the last write
     * before its rotation, which a rename leaves as it is. (The time in its name is the newest record's,
     * which can be much older than the rotation.) A time in the future (a clock set back) waits the whole
     * delay, never longer.
     */
    static Duration remainingDelay(Path rotated, Duration delay) throws IOException {
        if (delay.isZero()) {
            return delay;
        }
        long age = System.currentTimeMillis()
                - Files.getLastModifiedTime(rotated, LinkOption.NOFOLLOW_LINKS).toMillis();
        if (age <= 0) {
            return delay;
        }
        Duration left = delay.minusMillis(age);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Cuts a partial last line off {@code current.log} and returns the time of its last record, from
     * the line's {@code "timestamp"} or else the file's modification time; {@link Long#MIN_VALUE} for
     * a missing or empty file.
     */
    static long recoverCurrent(Path current, Reporter reporter) throws IOException {
        if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
            return Long.MIN_VALUE;
        }
        try (FileChannel ch = FileChannel.open(
                current, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            long end = endOfLastLine(ch, size);
            if (end < size) {
                ch.truncate(end);
                ch.force(true);
                reporter.warn("file sink: cut a partial last line of " + (size - end) + " bytes off " + current
                        + " (a write interrupted by a crash; it had not been acknowledged)");
            }
            if (end == 0) {
                return Long.MIN_VALUE;
            }
            long fromLine = lastLineTime(ch, end);
            return fromLine != Long.MIN_VALUE
                    ? fromLine
                    : Files.getLastModifiedTime(current, LinkOption.NOFOLLOW_LINKS)
                            .toMillis();
        }
    }

    /** The position just after the last {@code '\n'}, or 0. */
    private static long endOfLastLine(FileChannel ch, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(TAIL);
        long pos = size;
        while (pos > 0) {
            int len = (int) Math.min(TAIL, pos);
            long start = pos - len;
            b.clear().limit(len);
            readFully(ch, b, start);
            for (int i = len - 1; i >= 0; i--) {
                if (b.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            pos = start;
        }
        return 0;
    }

    private static long lastLineTime(FileChannel ch, long end) throws IOException {
        int len = (int) Math.min(TAIL, end);
        ByteBuffer b = ByteBuffer.allocate(len);
        readFully(ch, b, end - len);
        String tail = new String(b.array(), 0, len, StandardCharsets.UTF_8);
        int lineStart = tail.lastIndexOf('\n', tail.length() - 2) + 1;
        Matcher m = TIMESTAMP.matcher(tail).region(lineStart, tail.length());
        if (m.find()) {
            try {
                return Instant.parse(m.group(1)).toEpochMilli();
            } catch (DateTimeParseException e) {
                return Long.MIN_VALUE;
            }
        }
        return Long.MIN_VALUE;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) {
                break;
            }
            p += n;
        }
    }
}
