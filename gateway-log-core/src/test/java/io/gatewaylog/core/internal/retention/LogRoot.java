package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.core.internal.config.LayeredSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** A log root laid out as the file sink lays it out, with real files, for retention tests. */
public final class LogRoot {
    private final Path root;

    public LogRoot(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path dir(LogComponent c) {
        try {
            return Files.createDirectories(root.resolve(c.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A compressed archive whose newest record is at {@code newest}, {@code size} bytes long. */
    public Path archive(LogComponent c, long sequence, Instant newest, int size) {
        return write(dir(c).resolve(ArchiveNames.compressed(c, sequence, newest.toEpochMilli())), size);
    }

    /** A rotated file not yet compressed. */
    public Path rotated(LogComponent c, long sequence, Instant newest, int size) {
        return write(dir(c).resolve(ArchiveNames.rotated(c, sequence, newest.toEpochMilli())), size);
    }

    public Path current(LogComponent c, int size) {
        return write(dir(c).resolve("current.log"), size);
    }

    public Path other(LogComponent c, String name, int size) {
        return write(dir(c).resolve(name), size);
    }

    public static Path write(Path file, int size) {
        try {
            Files.write(file, new byte[size]);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes in regular files under the root. */
    public long bytes() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0; // deleted while we walked
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings from {@code kv} only (no system properties, environment or file). */
    public static Settings settings(String... kv) {
        Map<String, String> code = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            code.put(kv[i], kv[i + 1]);
        }
        return LayeredSettings.load(code, new Properties(), Map.of());
    }
}
