package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.spi.SinkConflictException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock that makes a spool directory one sink's: two writers appending to one spool would interleave
 * frames and send each other's records, so a second sink on the same directory (in another process or
 * this one) refuses to start.
 */
final class SpoolLock implements Closeable {
    private final FileChannel channel;
    private final FileLock lock;

    private SpoolLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code spoolDir} (which must exist), or throws if another sink holds it. */
    static SpoolLock acquire(Path spoolDir) throws IOException {
        FileChannel channel =
                FileChannel.open(spoolDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            channel.close();
            throw new SinkConflictException("kafka: the spool " + spoolDir + " is in use by another process "
                    + "(or another backend in this one); set sink.kafka.spool.dir to a directory of its own");
        }
        return new SpoolLock(channel, l);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
