package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A catalog without some files: a dry run's emergency pass must not count again what its daily pass
 * would already have deleted (a real run has deleted them, so the real catalog no longer lists them).
 */
final class ExcludingCatalog implements ArchiveCatalog {
    private final ArchiveCatalog delegate;
    private final Set<Path> excluded;

    ExcludingCatalog(ArchiveCatalog delegate, Set<Path> excluded) {
        this.delegate = delegate;
        this.excluded = excluded;
    }

    @Override
    public Path directory(LogComponent component) {
        return delegate.directory(component);
    }

    @Override
    public List<Archive> archives(LogComponent component) throws IOException {
        return delegate.archives(component).stream()
                .filter(a -> !excluded.contains(a.path().toAbsolutePath().normalize()))
                .toList();
    }
}
