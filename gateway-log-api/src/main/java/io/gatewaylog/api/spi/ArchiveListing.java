package io.gatewaylog.api.spi;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveCatalog.Archive;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one listing of a directory's rotated files, used by everything that reads, compresses, verifies
 * or deletes them (the file sink, its audit verifier, retention and its command-line tool), so that
 * they all agree on what an archive is: a regular file, never a link (a link is never ours: following
 * it would read or delete something outside the log directory), directly in the directory, whose name
 * {@link ArchiveNames} parses.
 *
 * @since 1.0
 */
public final class ArchiveListing {
    /** Writing order: lowest sequence first, a file before its own compressed archive. */
    private static final Comparator<Listed> OLDEST_FIRST = Comparator.comparingLong(
                    (Listed l) -> l.name().sequence())
            .thenComparing(l -> l.name().compressed());

    private ArchiveListing() {}

    /**
     * One rotated file found.
     *
     * @param path the file
     * @param name its parsed name
     * @param sizeBytes its size when listed
     * @since 1.0
     */
    public record Listed(Path path, ArchiveNames.Parsed name, long sizeBytes) {}

    /**
     * The rotated files in {@code dir}, oldest first, of {@code component} (null: of any component).
     *
     * @throws NoSuchFileException if {@code dir} does not exist
     */
    public static List<Listed> list(Path dir, LogComponent component) throws IOException {
        List<Listed> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                Optional<ArchiveNames.Parsed> name =
                        ArchiveNames.parse(p.getFileName().toString());
                if (name.isEmpty() || (component != null && name.get().component() != component)) {
                    continue;
                }
                try {
                    BasicFileAttributes attrs =
                            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (attrs.isRegularFile()) {
                        found.add(new Listed(p, name.get(), attrs.size()));
                    }
                } catch (NoSuchFileException gone) {
                    // compressed or deleted between listing and reading: its successor is listed next time
                }
            }
        }
        found.sort(OLDEST_FIRST);
        return found;
    }

    /** {@link #list} as a catalog reports it: the newest-record time is the one in the name. */
    public static List<Archive> archives(Path dir, LogComponent component) throws IOException {
        List<Archive> archives = new ArrayList<>();
        for (Listed l : list(dir, component)) {
            archives.add(new Archive(l.path(), component, l.name().newestRecordMillis(), l.sizeBytes()));
        }
        return archives;
    }

    /**
     * The highest sequence any name of {@code component} in {@code dir} has, 0 if none. Names that are
     * not archives (links) count too: a new rotated file must never take a name that exists.
     */
    public static long highestSequence(Path dir, LogComponent component) throws IOException {
        long max = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                Optional<ArchiveNames.Parsed> parsed =
                        ArchiveNames.parse(p.getFileName().toString());
                if (parsed.isPresent() && parsed.get().component() == component) {
                    max = Math.max(max, parsed.get().sequence());
                }
            }
        }
        return max;
    }
}
