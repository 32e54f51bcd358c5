package io.gatewaylog.sink.file.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ArchiveNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reading a component directory back: archives by sequence, then current.log. */
final class TestFiles {
    private TestFiles() {}

    static LogRecord record(LogComponent c, String message, long millis) {
        return LogRecord.builder()
                .epochMillis(millis)
                .level(Level.INFO)
                .component(c)
                .logger("test")
                .message(message)
                .thread("t", 1)
                .build();
    }

    static List<LogRecord> batch(LogComponent c, String prefix, int from, int count, long millis) {
        List<LogRecord> batch = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            batch.add(record(c, prefix + i, millis));
        }
        return batch;
    }

    /** Rotated files (compressed or not) of the directory, oldest first. */
    static List<Path> archives(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(
                            p -> ArchiveNames.parse(p.getFileName().toString()).isPresent())
                    .sorted(Comparator.comparingLong(p ->
                            ArchiveNames.parse(p.getFileName().toString()).get().sequence()))
                    .toList();
        }
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every line of the directory, archives first (in sequence order), then current.log. */
    static void forEachLine(Path dir, Consumer<String> action) throws IOException {
        for (Path archive : archives(dir)) {
            try (InputStream in = open(archive);
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                r.lines().forEach(action);
            }
        }
        Path current = dir.resolve(RotatingFileSink.CURRENT);
        if (Files.exists(current)) {
            try (BufferedReader r = Files.newBufferedReader(current, StandardCharsets.UTF_8)) {
                r.lines().forEach(action);
            }
        }
    }

    static List<String> lines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        forEachLine(dir, lines::add);
        return lines;
    }

    /** The messages of every line, in file order. */
    static List<String> messages(Path dir) throws IOException {
        List<String> messages = new ArrayList<>();
        forEachLine(dir, line -> messages.add(message(line)));
        return messages;
    }

    static String message(String line) {
        assertThat(line).startsWith("{").endsWith("}");
        int start = line.indexOf("\"message\":\"");
        assertThat(start).as("message in %s", line).isGreaterThan(0);
        start += 11;
        return line.substring(start, line.indexOf('"', start));
    }

    static InputStream open(Path archive) throws IOException {
        InputStream in = Files.newInputStream(archive);
        return archive.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** Reads a .gz to its end (checking its CRC and length) and returns its uncompressed size. */
    static long assertValidGzip(Path gz) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
            long total = 0;
            byte[] b = new byte[1 << 16];
            int n;
            while ((n = in.read(b)) > 0) {
                total += n;
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("not a valid gzip: " + gz, e);
        }
    }

    static Map<String, String> settings(Path root, String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        m.put("dir", root.toString());
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Waits until the sink's compressor has no task left (its queue, through the package-private seam). */
    static boolean awaitCompressions(RotatingFileSink sink, Duration timeout) {
        try {
            return sink.compressor().awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
