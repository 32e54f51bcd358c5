package io.gatewaylog.api.spi;

import io.gatewaylog.api.LogComponent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Implemented by a sink that keeps rotated archives (the file sink), so that the backend's retention
 * job can find them. Only the files listed here are ever deleted by retention.
 *
 * @since 1.0
 */
public interface ArchiveCatalog {

    /** The directory holding {@code component}'s files, or null if this sink keeps none for it. */
    Path directory(LogComponent component);

    /** The rotated archives of {@code component}, oldest first; never the active file. */
    List<Archive> archives(LogComponent component) throws IOException;

    /**
     * One rotated archive.
     *
     * @param path the file
     * @param component its component
     * @param newestRecordMillis epoch millis of the newest record it holds (as recorded at rotation),
     *        or its last-modified time where that is unknown
     * @param sizeBytes its size on disk
     * @since 1.0
     */
    record Archive(Path path, LogComponent component, long newestRecordMillis, long sizeBytes) {
    }
}
