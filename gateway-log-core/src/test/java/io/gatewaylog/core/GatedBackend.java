package io.gatewaylog.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.core.internal.json.JsonRecordEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real backend whose collecting sink (with the real JSON encoder) holds its writer thread until the test
 * opens the gate: what a test does between a log call and {@link #lines()} happens before anything is
 * encoded, so a caller's change after the call has every chance to show.
 */
final class GatedBackend implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CountDownLatch gate = new CountDownLatch(1);
    private final CollectingSink sink = new CollectingSink() {
        @Override
        public int write(List<LogRecord> batch) throws IOException { // waits outside the sink's lock
            try {
                // Auth is written on the caller's thread: holding it would hold the caller.
                if (!batch.isEmpty()
                        && batch.get(0).component() != LogComponent.AUTH
                        && !gate.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return super.write(batch);
        }
    };
    private final GatewayLogBackend backend;

    GatedBackend(String... settings) {
        GatewayLogBackend.Builder b = GatewayLogBackend.builder()
                .discoverSinks(false)
                .bindGlobalContext(false)
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("retention.enabled", "false")
                .setting("level", "TRACE")
                .sink(sink);
        for (int i = 0; i < settings.length; i += 2) {
            b.setting(settings[i], settings[i + 1]);
        }
        backend = b.build();
        sink.encodeWith(new JsonRecordEncoder("gateway", 32768));
    }

    GatewayLogger logger(String name) {
        return backend.logger(LogComponent.API, name);
    }

    GatewayLogger logger(LogComponent c, String name) {
        return backend.logger(c, name);
    }

    /** Opens the gate, flushes, and returns every line written. */
    List<String> lines() {
        gate.countDown();
        backend.flush(Duration.ofSeconds(10));
        return sink.lines();
    }

    /** The line whose message is {@code message}. */
    static JsonNode line(List<String> lines, String message) {
        return lines.stream()
                .map(GatedBackend::parse)
                .filter(n -> message.equals(n.path("message").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with message " + message + " in " + lines));
    }

    List<LogRecord> records() {
        return sink.records();
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        gate.countDown();
        backend.shutdown(Duration.ofSeconds(10));
    }
}
