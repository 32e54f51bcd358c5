package io.gatewaylog.api.spi;

import io.gatewaylog.api.LogComponent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Implemented by a sink that keeps rotated archives (the file sink), so that the backend's retention
 * job can find them. Only the files listed here are ever deleted by retention, and retention is the
 * only one that deletes them: its age and disk limits, and also the sink's own {@link #backups} limit
 * (the sink tells retention when its archives change; retention's one thread deletes), so that no two
 * threads ever delete in one directory. List archives with {@link ArchiveListing}.
 *
 * @since 1.0
 */
public interface ArchiveCatalog {

    /** The directory holding {@code component}'s files, or null if this sink keeps none for it. */
    Path directory(LogComponent component);

    /** The rotated archives of {@code component}, oldest first; never the active file. */
    List<Archive> archives(LogComponent component) throws IOException;

    /**
     * How many rotated files (sequences) of {@code component} the sink keeps: retention deletes the
     * oldest beyond it, whatever their age. Empty (the default): no such limit.
     */
    default OptionalInt backups(LogComponent component) {
        return OptionalInt.empty();
    }

    /**
     * Whether {@link #backups} pruning must spare {@code archive} for now (a shipper may still be
     * reading it); the sink reports a change through {@link #onArchivesChanged} when that ends. Age and
     * disk limits do not ask. False by default.
     */
    default boolean held(Archive archive) {
        return false;
    }

    /**
     * Called once by retention before it starts: the sink calls {@code listener} with a component each
     * time that component's rotated files change (a rotation, a compression finished), from its own
     * threads. The listener returns at once; retention prunes on its own thread. Does nothing by default.
     */
    default void onArchivesChanged(Consumer<LogComponent> listener) {}

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
    record Archive(Path path, LogComponent component, long newestRecordMillis, long sizeBytes) {}
}
