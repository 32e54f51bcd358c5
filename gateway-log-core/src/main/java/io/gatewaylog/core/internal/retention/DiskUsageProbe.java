package io.gatewaylog.core.internal.retention;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How full the file system holding a path is. The real one asks the operating system; tests inject
 * their own so that emergency cleanup can be driven without filling a disk.
 */
public interface DiskUsageProbe {

    /** The used fraction, 0..1, of the file system holding {@code path}. */
    double usedRatio(Path path) throws IOException;

    /**
     * The size in bytes of the file system holding {@code path}, or -1 if unknown. Only dry runs use it,
     * to estimate where a cleanup would stop without deleting anything.
     */
    default long totalBytes(Path path) throws IOException {
        return -1;
    }

    /** The probe of the real file system ({@link java.nio.file.Files#getFileStore}). */
    static DiskUsageProbe fileStore() {
        return FileStoreProbe.INSTANCE;
    }
}
