package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.Reporter;
import java.io.IOException;
import java.util.List;

/**
 * Makes the log root and the component directories safe to write in, before anything is written:
 * created with their modes, checked by {@link DirectoryGuard} (again after creation, since a directory
 * may have appeared meanwhile), planted links set aside, and each one locked against a second writer.
 */
final class SinkDirectories {
    private SinkDirectories() {}

    /**
     * Prepares every directory of {@code config} and adds its lock to {@code locks} as soon as it is
     * taken, so that a failure part-way leaves the caller able to release those already held.
     */
    static void prepare(FileSinkConfig config, Reporter reporter, List<DirectoryLock> locks) throws IOException {
        boolean strict = config.strictPermissions();
        FilePermissions.createDirectory(config.root(), config.rootMode());
        DirectoryGuard.checkRoot(config.root(), strict);
        for (LogComponent c : LogComponent.values()) {
            FileSettings s = config.component(c);
            DirectoryGuard.checkComponentDirectory(config.root(), s.directory(), strict);
            FilePermissions.createDirectory(s.directory(), s.dirMode());
            DirectoryGuard.checkComponentDirectory(config.root(), s.directory(), strict);
            FilePermissions.applyOrWarn(s.directory(), s.dirMode(), reporter);
            DirectoryGuard.checkComponentMode(config.root(), s.directory(), strict);
            DirectoryGuard.setAsideLinks(s.directory(), reporter);
            locks.add(DirectoryLock.acquire(s.directory(), s.fileMode()));
        }
    }
}
