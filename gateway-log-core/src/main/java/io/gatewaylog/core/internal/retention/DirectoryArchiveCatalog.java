package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveCatalog;
import io.gatewaylog.api.spi.ArchiveNames;
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
import java.util.Objects;
import java.util.Optional;

/**
 * The archives under a log root as the file sink lays them out, {@code <root>/<component>/}, found by
 * scanning the directories: for the command-line tool, which runs without a sink. Lists only regular
 * files (not links) whose names {@link ArchiveNames} parses to the directory's own component; the
 * active {@code current.log}, temporary files and anything foreign are never listed.
 */
public final class DirectoryArchiveCatalog implements ArchiveCatalog {
    private static final Comparator<Found> OLDEST_FIRST = Comparator
            .comparingLong((Found f) -> f.name.sequence())
            .thenComparing(f -> f.name.compressed());

    private final Path root;

    /** A catalog of the component directories under {@code root}. */
    public DirectoryArchiveCatalog(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The log root. */
    public Path root() {
        return root;
    }

    @Override
    public Path directory(LogComponent component) {
        return root.resolve(component.id());
    }

    /** The archives of {@code component}, oldest (lowest sequence) first; none if its directory is absent. */
    @Override
    public List<Archive> archives(LogComponent component) throws IOException {
        Path dir = directory(component);
        List<Found> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                Optional<ArchiveNames.Parsed> name = ArchiveNames.parse(p.getFileName().toString());
                if (name.isEmpty() || name.get().component() != component) {
                    continue;
                }
                try {
                    BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (attrs.isRegularFile()) {
                        found.add(new Found(p, name.get(), attrs.size()));
                    }
                } catch (NoSuchFileException gone) {
                    // compressed or deleted between listing and reading: its successor is listed next time
                }
            }
        } catch (NoSuchFileException noDirectory) {
            return List.of();
        }
        found.sort(OLDEST_FIRST);
        List<Archive> archives = new ArrayList<>(found.size());
        for (Found f : found) {
            archives.add(new Archive(f.path, component, f.name.newestRecordMillis(), f.size));
        }
        return archives;
    }

    private record Found(Path path, ArchiveNames.Parsed name, long size) {
    }
}
