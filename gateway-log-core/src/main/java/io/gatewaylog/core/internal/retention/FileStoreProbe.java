package io.gatewaylog.core.internal.retention;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Disk usage as {@code df} shows it: used / (used + available to us), where used = total - free. The
 * blocks a file system reserves for root count neither as used nor as available, so the percentage an
 * operator reads in {@code df} is the one the threshold is compared with.
 */
final class FileStoreProbe implements DiskUsageProbe {
    static final FileStoreProbe INSTANCE = new FileStoreProbe();

    private FileStoreProbe() {}

    @Override
    public double usedRatio(Path path) throws IOException {
        FileStore store = Files.getFileStore(path);
        long total = store.getTotalSpace();
        long used = total - store.getUnallocatedSpace();
        long denominator = used + store.getUsableSpace();
        if (total <= 0 || denominator <= 0) {
            return 0; // a pseudo file system with no size: nothing to protect
        }
        return Math.min(1.0, Math.max(0.0, used / (double) denominator));
    }

    @Override
    public long totalBytes(Path path) throws IOException {
        FileStore store = Files.getFileStore(path);
        long used = store.getTotalSpace() - store.getUnallocatedSpace();
        return used + store.getUsableSpace();
    }
}
