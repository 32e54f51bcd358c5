package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveCatalog;
import io.gatewaylog.api.spi.ArchiveListing;
import io.gatewaylog.api.spi.ArchiveNames;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The archives under a log root as the file sink lays them out, {@code <root>/<component>/}, found by
 * scanning the directories: for the command-line tool, which runs without a sink. Lists through
 * {@link ArchiveListing}, as the sink does: only regular files (not links) whose names
 * {@link ArchiveNames} parses to the directory's own component; the active {@code current.log},
 * temporary files and anything foreign are never listed.
 */
public final class DirectoryArchiveCatalog implements ArchiveCatalog {
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
        try {
            return ArchiveListing.archives(directory(component), component);
        } catch (NoSuchFileException noDirectory) {
            return List.of();
        }
    }
}
