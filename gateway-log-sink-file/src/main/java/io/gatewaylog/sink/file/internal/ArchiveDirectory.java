package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveCatalog.Archive;
import io.gatewaylog.api.spi.ArchiveListing;
import io.gatewaylog.api.spi.Reporter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The rotated files of one component directory as the sink sees them: listed through
 * {@link ArchiveListing} (never a link), compressed by the compressor thread, held while their
 * compression waits, and reported to retention when they change. The sink deletes no archive:
 * retention prunes beyond {@code backups} on its own thread when told of a change.
 */
final class ArchiveDirectory {
    private final FileSettings settings;
    private final FileCounters counters;
    private final Reporter reporter;
    /**
     * Rotated files whose compression waits for {@code sink.file.compress.delay}: backups pruning
     * spares them (a shipper may still be reading them); once their delay is over they are pruned
     * like any other.
     */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** Retention's change listener; none until retention starts (it prunes everything once then). */
    private volatile Consumer<LogComponent> listener = c -> {};

    ArchiveDirectory(FileSettings settings, FileCounters counters, Reporter reporter) {
        this.settings = settings;
        this.counters = counters;
        this.reporter = reporter;
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

    /** Keeps backups pruning away from {@code file} until {@link #release}d (its compression is waiting). */
    void hold(Path file) {
        held.add(file.getFileName().toString());
    }

    void release(Path file) {
        held.remove(file.getFileName().toString());
    }

    boolean isHeld(Path file) {
        return held.contains(file.getFileName().toString());
    }

    /** The rotated files, compressed or not, oldest (lowest sequence) first. */
    List<ArchiveListing.Listed> list() throws IOException {
        return ArchiveListing.list(settings.directory(), settings.component());
    }

    /** What the retention job sees: every rotated file, oldest first. */
    List<Archive> archives() throws IOException {
        return ArchiveListing.archives(settings.directory(), settings.component());
    }

    /** One more than the highest sequence present, so that numbering continues across restarts. */
    long nextSequence() throws IOException {
        return ArchiveListing.highestSequence(settings.directory(), settings.component()) + 1;
    }

    /** Compresses {@code source} into its {@code .gz} ({@link GzipArchive}). */
    void compress(Path source, byte[] buffer) throws IOException {
        GzipArchive.compress(source, settings.compressionLevel(), counters, buffer);
    }

    /** Where retention's change listener goes (set once by retention as it starts). */
    void listen(Consumer<LogComponent> changes) {
        this.listener = changes;
    }

    /**
     * Tells retention the rotated files changed (a rotation, a compression finished, a hold ended):
     * it prunes beyond {@code backups} on its own thread. Never throws to the writer or the compressor.
     */
    void changed() {
        try {
            listener.accept(settings.component());
        } catch (RuntimeException e) {
            reporter.error("file sink: cannot tell retention that " + settings.directory() + " changed", e);
        }
    }
}
