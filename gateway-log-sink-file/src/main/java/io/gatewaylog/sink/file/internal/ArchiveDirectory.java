package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveCatalog.Archive;
import io.gatewaylog.api.spi.ArchiveNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * The rotated files of one component directory: listing them (only names {@link ArchiveNames} made),
 * compressing one, and removing the oldest beyond {@code backups}. Used by the compressor thread, the
 * start-up recovery and the retention job; never by the writer.
 */
final class ArchiveDirectory {
    static final String TMP_SUFFIX = ".tmp";
    private static final int IO_BUFFER = 64 * 1024;

    private final FileSettings settings;
    private final FileCounters counters;
    /**
     * Rotated files believed present, so that pruning lists the directory only when there may be too
     * many (listing thousands of archives after every rotation would make pruning quadratic). Files
     * removed by retention make it high, which only causes an early listing that corrects it. -1: not
     * counted yet.
     */
    private final AtomicInteger known = new AtomicInteger(-1);
    /**
     * Rotated files whose compression waits for {@code sink.file.compress.delay}: pruning never deletes
     * them (a shipper may still be reading them); once their delay is over they are pruned like any other.
     */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** Rotations noted so far: lets prune tell whether one happened while it was listing. */
    private final java.util.concurrent.atomic.AtomicLong rotations = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A rotated file and its parsed name.
     *
     * @param path the file
     * @param name its parsed name
     */
    record Entry(Path path, ArchiveNames.Parsed name) {
    }

    ArchiveDirectory(FileSettings settings, FileCounters counters) {
        this.settings = settings;
        this.counters = counters;
    }

    LogComponent component() {
        return settings.component();
    }

    Path directory() {
        return settings.directory();
    }

    /** How long a rotated file stays uncompressed after its rotation. */
    Duration compressDelay() {
        return settings.compress() ? settings.compressDelay() : Duration.ZERO;
    }

    /** Keeps pruning away from {@code file} until {@link #release}d (its compression is waiting). */
    void hold(Path file) {
        held.add(file.getFileName().toString());
    }

    void release(Path file) {
        held.remove(file.getFileName().toString());
    }

    /** The rotated files, compressed or not, oldest (lowest sequence) first. */
    List<Entry> list() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(settings.directory())) {
            for (Path p : files) {
                Optional<ArchiveNames.Parsed> parsed = ArchiveNames.parse(p.getFileName().toString());
                // A link is never ours: not listed, so never compressed, pruned, counted or handed to retention.
                if (parsed.isPresent() && parsed.get().component() == settings.component()
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(new Entry(p, parsed.get()));
                }
            }
        }
        entries.sort(Comparator.comparingLong((Entry e) -> e.name().sequence())
                .thenComparing(e -> e.name().compressed()));
        return entries;
    }

    /** What the retention job sees: every rotated file, oldest first. */
    List<Archive> archives() throws IOException {
        List<Archive> archives = new ArrayList<>();
        for (Entry e : list()) {
            try {
                archives.add(new Archive(e.path(), settings.component(), e.name().newestRecordMillis(),
                        Files.readAttributes(e.path(), java.nio.file.attribute.BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS).size()));
            } catch (NoSuchFileException gone) {
                // compressed or removed meanwhile: the next listing has its successor
            }
        }
        return archives;
    }

    /**
     * One more than the highest sequence present, so that numbering continues across restarts. Names
     * that are not ours (links) count too: a rotation must never take a name that exists.
     */
    long nextSequence() throws IOException {
        long max = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(settings.directory())) {
            for (Path p : files) {
                Optional<ArchiveNames.Parsed> parsed = ArchiveNames.parse(p.getFileName().toString());
                if (parsed.isPresent() && parsed.get().component() == settings.component()) {
                    max = Math.max(max, parsed.get().sequence());
                }
            }
        }
        return max + 1;
    }

    /** Counts a new rotated file (called by the writer after a rotation). */
    void rotated() {
        rotations.incrementAndGet();
        known.getAndUpdate(k -> k < 0 ? k : k + 1);
    }

    /**
     * Removes the oldest rotated files until at most {@code backups} sequences remain. A file whose
     * compression is still waiting for its delay is counted but spared; it goes when its delay is over
     * (its compression task prunes first) if it is still beyond {@code backups} then.
     */
    void prune() throws IOException {
        int k = known.get();
        if (k >= 0 && k <= settings.backups()) {
            return;
        }
        long seen = rotations.get();
        List<Entry> entries = list();
        long[] sequences = entries.stream().mapToLong(e -> e.name().sequence()).distinct().toArray();
        int excess = sequences.length - settings.backups();
        known.set(Math.min(sequences.length, settings.backups()));
        if (rotations.get() != seen) {
            // A rotation during the listing may or may not be in it: count unknown, list again next time.
            known.set(-1);
        }
        if (excess <= 0) {
            return;
        }
        long newestRemoved = sequences[excess - 1];
        for (Entry e : entries) {
            if (e.name().sequence() <= newestRemoved) {
                if (held.contains(e.path().getFileName().toString())) {
                    known.set(-1); // more remain than backups: list again at the next prune
                } else {
                    Files.deleteIfExists(e.path());
                }
            }
        }
    }

    /**
     * Compresses a rotated file: {@code <name>.gz.tmp} is written and fsync'ed, renamed to
     * {@code <name>.gz}, and only then is the source deleted, so that a crash at any moment leaves the
     * source, or the complete archive, or both (start-up recovery sorts that out).
     */
    void compress(Path source, byte[] buffer) throws IOException {
        Path target = source.resolveSibling(source.getFileName() + ".gz");
        Path tmp = source.resolveSibling(target.getFileName() + TMP_SUFFIX);
        long start = System.nanoTime();
        Set<PosixFilePermission> mode;
        long modified;
        try {
            if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                return; // gone, or replaced by a link: never read through one
            }
            mode = FilePermissions.of(source);
            modified = Files.getLastModifiedTime(source, LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (NoSuchFileException gone) {
            return; // removed by retention or pruning before its turn came
        }
        Files.deleteIfExists(tmp);
        boolean renamed = false;
        try {
            try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS);
                 FileChannel out = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), // O_EXCL: never a link
                         FilePermissions.attributes(tmp, mode))) {
                FilePermissions.apply(tmp, mode);
                GzipParameters parameters = new GzipParameters();
                parameters.setCompressionLevel(settings.compressionLevel());
                parameters.setBufferSize(IO_BUFFER);
                parameters.setFileName(source.getFileName().toString());
                parameters.setModificationTime(modified);
                OutputStream raw = Channels.newOutputStream(out);
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw, parameters);
                int n;
                while ((n = in.read(buffer)) > 0) {
                    gz.write(buffer, 0, n);
                }
                gz.finish();
                out.force(true);
            } catch (NoSuchFileException gone) {
                if (Files.exists(source)) {
                    throw gone;
                }
                return; // the source was removed while we read it: nothing to archive
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            renamed = true;
            syncDirectory(settings.directory());
            Files.deleteIfExists(source);
        } finally {
            if (!renamed) {
                Files.deleteIfExists(tmp);
            }
            counters.compressionNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** Makes renames and deletions in {@code dir} durable; not possible everywhere (Windows), then skipped. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The rename itself is atomic either way; only its durability across a power loss is weaker.
        }
    }
}
