package io.gatewaylog.sink.file.internal.audit;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveListing;
import io.gatewaylog.api.spi.ArchiveNames;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * One file of a component's trail: a rotated file (by its {@link ArchiveNames} sequence) or
 * {@code current.log}, which comes last.
 *
 * @param path the file
 * @param sequence the archive sequence; {@link Long#MAX_VALUE} for current.log
 * @param compressed whether it is gzip
 */
public record TrailFile(Path path, long sequence, boolean compressed) {
    static final String CURRENT = "current.log";
    private static final int IO_BUFFER = 64 * 1024;

    boolean isCurrent() {
        return sequence == Long.MAX_VALUE;
    }

    InputStream open() throws IOException {
        InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
        try {
            return compressed ? new GZIPInputStream(in, IO_BUFFER) : new BufferedInputStream(in, IO_BUFFER);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * The directory's trail in writing order: archives by sequence, then current.log if present. For
     * a sequence present both rotated and compressed (the compressor between its rename and the
     * source's deletion), the uncompressed source is read: it is the one known to be whole.
     */
    public static List<TrailFile> list(Path dir) throws IOException {
        Optional<LogComponent> component = componentOf(dir);
        List<TrailFile> archives = new ArrayList<>();
        // Links are never part of the trail (the sink never writes through one): the listing leaves them out.
        for (ArchiveListing.Listed l : ArchiveListing.list(dir, component.orElse(null))) {
            archives.add(new TrailFile(l.path(), l.name().sequence(), l.name().compressed()));
        }
        List<TrailFile> trail = new ArrayList<>(archives.size() + 1);
        for (TrailFile f : archives) {
            if (trail.isEmpty() || trail.get(trail.size() - 1).sequence() != f.sequence()) {
                trail.add(f);
            }
        }
        Path current = dir.resolve(CURRENT);
        if (Files.isRegularFile(current, LinkOption.NOFOLLOW_LINKS)) {
            trail.add(new TrailFile(current, Long.MAX_VALUE, false));
        }
        return trail;
    }

    /** The component a directory named {@code <root>/<component>} belongs to, if its name is one. */
    private static Optional<LogComponent> componentOf(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LogComponent.parse(name.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
