package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.LogComponent;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;

/**
 * The file sink's validated settings of one component.
 *
 * @param component the component
 * @param directory {@code <dir>/<component>}
 * @param rotationSize rotate {@code current.log} before it would exceed this many bytes
 * @param backups rotated archives kept; the oldest (by sequence) are removed beyond this
 * @param durability when lines reach the OS and the disk
 * @param dirMode the component directory's mode
 * @param fileMode the mode of {@code current.log} (archives keep their source's mode)
 * @param compress whether rotated files are gzip-compressed
 * @param compressionLevel the deflate level, 1 (fastest) to 9 (smallest)
 * @param audit whether lines are sealed into the audit hash chain (auth only)
 * @param auditKey the chain's HMAC key, or null for plain SHA-256
 * @param compressDelay how long a rotated file stays uncompressed after its rotation (zero: compressed at once)
 */
public record FileSettings(
        LogComponent component,
        Path directory,
        long rotationSize,
        int backups,
        Durability durability,
        Set<PosixFilePermission> dirMode,
        Set<PosixFilePermission> fileMode,
        boolean compress,
        int compressionLevel,
        boolean audit,
        byte[] auditKey,
        Duration compressDelay) {

    public FileSettings {
        dirMode = Set.copyOf(dirMode);
        fileMode = Set.copyOf(fileMode);
    }

    /** The active file. */
    public Path currentFile() {
        return directory.resolve(RotatingFileSink.CURRENT);
    }
}
