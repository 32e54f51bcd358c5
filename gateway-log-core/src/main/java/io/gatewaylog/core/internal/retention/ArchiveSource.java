package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveCatalog;
import io.gatewaylog.api.spi.ArchiveCatalog.Archive;
import io.gatewaylog.api.spi.Reporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One component directory of one catalog: where its archives are listed from, and the only directory
 * archives may be deleted from.
 */
record ArchiveSource(ArchiveCatalog catalog, LogComponent component, Path directory) {

    /** Every (catalog, component) that keeps a directory, each directory once. */
    static List<ArchiveSource> of(List<ArchiveCatalog> catalogs) {
        List<ArchiveSource> sources = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (ArchiveCatalog catalog : catalogs) {
            for (LogComponent c : LogComponent.values()) {
                Path dir = catalog.directory(c);
                if (dir != null && seen.add(dir.toAbsolutePath().normalize())) {
                    sources.add(
                            new ArchiveSource(catalog, c, dir.toAbsolutePath().normalize()));
                }
            }
        }
        return sources;
    }

    /** The archives, or none if they cannot be listed (reported; the other sources go on). */
    List<Archive> archives(Reporter reporter) {
        try {
            return catalog.archives(component);
        } catch (IOException | RuntimeException e) {
            reporter.error("retention: cannot list the archives of " + component.id() + " in " + directory, e);
            return List.of();
        }
    }
}
