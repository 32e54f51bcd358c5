package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.spi.SinkConflictException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a component directory ({@code <dir>/.lock}), held while the sink is open, so
 * that two processes (or two sinks in one JVM) never interleave lines in one file or rotate each
 * other's files. The OS releases the lock when the process dies, however it dies, so a crash never
 * leaves a stale lock behind. The file holds the owner's pid, for the error message of the loser.
 *
 * <p>Within one JVM a registry answers first: OS record locks belong to the process, and closing any
 * channel on the lock file (as a losing second sink would) can release the lock the first sink holds.
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE = ".lock";
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path key;

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dir}.
     *
     * @throws SinkConflictException if another process or sink holds it
     */
    static DirectoryLock acquire(Path dir, Set<PosixFilePermission> mode) throws IOException {
        Path file = dir.resolve(FILE);
        Path key = dir.toRealPath();
        if (!HELD_IN_THIS_JVM.add(key)) {
            throw inUse(dir, file, "another file sink in this JVM");
        }
        try {
            return lock(key, dir, file, mode);
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_JVM.remove(key);
            throw e;
        }
    }

    private static DirectoryLock lock(Path key, Path dir, Path file, Set<PosixFilePermission> mode) throws IOException {
        // Never through a link: a .lock planted as a link would make us create or truncate its target.
        FileChannel channel = FileChannel.open(
                file,
                Set.<OpenOption>of(
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS),
                FilePermissions.attributes(file, mode));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Only reachable when the registry was bypassed (the sink loaded twice by different class
            // loaders). The channel is deliberately left open: closing it could drop the other's lock.
            throw inUse(dir, file, "another file sink in this JVM");
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String owner = readOwner(channel);
            channel.close();
            throw inUse(dir, file, "another process" + (owner.isEmpty() ? "" : " (pid " + owner + ")"));
        }
        try {
            byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
        } catch (IOException e) {
            // The pid is only a courtesy for the error message of a second process; the lock is what counts.
        }
        return new DirectoryLock(key, channel, lock);
    }

    private static SinkConflictException inUse(Path dir, Path file, String who) {
        return new SinkConflictException("gateway-log file sink: log directory " + dir.toAbsolutePath()
                + " is already in use by " + who + " (lock " + file.toAbsolutePath() + " is held); "
                + "two writers would interleave and rotate each other's files: give each process its own 'dir'");
    }

    private static String readOwner(FileChannel channel) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            channel.read(b, 0);
            return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                HELD_IN_THIS_JVM.remove(key);
            }
        }
    }
}
