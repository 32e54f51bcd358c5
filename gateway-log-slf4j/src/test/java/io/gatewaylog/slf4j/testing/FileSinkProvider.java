package io.gatewaylog.slf4j.testing;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LogSinkProvider;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.SinkContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal stand-in for gateway-log-sink-file (not a dependency of this module): the backend's own
 * JSON-lines encoder appending to {@code <dir>/<component>/current.log}, so tests can read the lines an
 * operator would read.
 */
public final class FileSinkProvider implements LogSinkProvider {

    @Override
    public String name() {
        return "test-file";
    }

    @Override
    public LogSink create(SinkContext context) {
        return new FileSink(Path.of(context.settings().getString("dir", "logs")), context.encoder());
    }

    /** The active file of {@code component} under the test backend's directory. */
    public static Path currentLog(LogComponent component) {
        return TestBackendProvider.DIR.resolve(component.id()).resolve("current.log");
    }

    private static final class FileSink implements LogSink {
        private final Path root;
        private final RecordEncoder encoder;
        private final Map<LogComponent, OutputStream> files = new EnumMap<>(LogComponent.class);

        FileSink(Path root, RecordEncoder encoder) {
            this.root = root;
            this.encoder = encoder;
        }

        @Override
        public String name() {
            return "test-file";
        }

        @Override
        public synchronized int write(List<LogRecord> batch) throws IOException {
            for (LogRecord r : batch) {
                encoder.encode(r, file(r.component()));
            }
            return batch.size();
        }

        private OutputStream file(LogComponent c) throws IOException {
            OutputStream out = files.get(c);
            if (out == null) {
                Path dir = Files.createDirectories(root.resolve(c.id()));
                out = Files.newOutputStream(
                        dir.resolve("current.log"), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                files.put(c, out);
            }
            return out;
        }

        @Override
        public synchronized void flush() throws IOException {
            for (OutputStream out : files.values()) {
                out.flush();
            }
        }

        @Override
        public synchronized void close() throws IOException {
            for (OutputStream out : files.values()) {
                out.close();
            }
            files.clear();
        }
    }
}
