package io.gatewaylog.core.internal.retention;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A disk of {@code capacity} bytes holding {@code otherBytes} of other data plus the real files under a
 * log root: deleting an archive really lowers its usage, without filling a real disk.
 */
public final class FakeDisk implements DiskUsageProbe {
    private final LogRoot root;
    private final long capacity;
    private volatile long otherBytes;
    final AtomicInteger probes = new AtomicInteger();

    public FakeDisk(LogRoot root, long capacity, long otherBytes) {
        this.root = root;
        this.capacity = capacity;
        this.otherBytes = otherBytes;
    }

    public void otherBytes(long bytes) {
        this.otherBytes = bytes;
    }

    @Override
    public double usedRatio(Path path) {
        probes.incrementAndGet();
        return (otherBytes + root.bytes()) / (double) capacity;
    }

    @Override
    public long totalBytes(Path path) {
        return capacity;
    }
}
