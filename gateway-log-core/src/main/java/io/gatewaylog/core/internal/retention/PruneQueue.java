package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveCatalog;
import io.gatewaylog.api.spi.Reporter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@link RetentionJob}'s backups pruning on change: queues one pass per changed directory on the
 * job's thread. Called by the sinks' threads, it returns at once.
 */
final class PruneQueue {
    private final Reporter reporter;
    /** Prunes a source down to its sink's backups (on the job's thread). */
    private final Consumer<ArchiveSource> prune;
    /** The job's thread; null when there is none or the job is closed. */
    private final Supplier<ScheduledExecutorService> executor;
    /** Sources whose pruning is queued: a rotation storm queues one pass per directory, not one per rotation. */
    private final Set<ArchiveSource> queued = ConcurrentHashMap.newKeySet();

    PruneQueue(Reporter reporter, Consumer<ArchiveSource> prune, Supplier<ScheduledExecutorService> executor) {
        this.reporter = reporter;
        this.prune = prune;
        this.executor = executor;
    }

    /** The archives of {@code catalog}'s {@code component} changed: its directory is pruned. */
    void changed(ArchiveCatalog catalog, LogComponent component) {
        Path dir = catalog.directory(component);
        if (dir != null) {
            add(new ArchiveSource(catalog, component, dir.toAbsolutePath().normalize()));
        }
    }

    /** Queues {@code source}'s pruning, unless it is queued already. */
    void add(ArchiveSource source) {
        ScheduledExecutorService e = executor.get();
        if (e == null || !queued.add(source)) {
            return;
        }
        try {
            e.execute(() -> {
                queued.remove(source); // first: a change during this pass queues another
                try {
                    prune.accept(source);
                } catch (RuntimeException failure) {
                    reporter.error(
                            "retention: pruning " + source.directory() + " failed; it runs again at"
                                    + " the next change",
                            failure);
                }
            });
        } catch (RejectedExecutionException closedMeanwhile) {
            queued.remove(source);
        }
    }
}
