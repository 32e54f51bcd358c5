package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.spi.ArchiveNames;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One component's rotation: {@code current.log} renamed to its archive name (the next free sequence),
 * handed to the compressor, retention told, and a new {@code current.log} opened. Runs on the writer's
 * thread under its {@link ComponentFile}'s lock.
 */
final class Rotation {
    private final FileSettings settings;
    private final CurrentLog log;
    private final Compressor compressor;
    private final ArchiveDirectory archives;
    private final FileCounters counters;
    private long nextSequence;

    Rotation(
            FileSettings settings,
            CurrentLog log,
            Compressor compressor,
            ArchiveDirectory archives,
            FileCounters counters,
            long nextSequence) {
        this.settings = settings;
        this.log = log;
        this.compressor = compressor;
        this.archives = archives;
        this.counters = counters;
        this.nextSequence = nextSequence;
    }

    /**
     * Rotates {@code current.log}, whose newest record is at {@code newestMillis} ({@link Long#MIN_VALUE}:
     * none known, the rotation's time is used).
     */
    void rotate(long newestMillis) throws IOException {
        long newest = newestMillis != Long.MIN_VALUE ? newestMillis : System.currentTimeMillis();
        Path rotated = log.rotate(nextSequence, newest);
        nextSequence = ArchiveNames.parse(rotated.getFileName().toString())
                        .orElseThrow()
                        .sequence()
                + 1;
        counters.rotations.incrementAndGet();
        if (settings.compress()) {
            compressor.submit(archives, rotated, counters); // holds it first if its compression waits
        }
        archives.changed(); // retention prunes beyond backups, on its own thread
        if (settings.durability() == Durability.FSYNC) {
            GzipArchive.syncDirectory(settings.directory());
        }
        log.open();
    }
}
