package io.gatewaylog.sink.file.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.testkit.SinkCompatibilityKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The test kit every sink runs, against the file sink: messages are read back from the files themselves. */
class FileSinkCompatibilityTest extends SinkCompatibilityKit {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Override
    protected Map<String, String> settings() {
        return Map.of("dir", root.toString(), "retention.enabled", "false", "rotation.size", "64KB", "backups", "1000");
    }

    @Override
    protected String sinkName() {
        return "file";
    }

    @Override
    protected List<String> deliveredMessages(LogComponent component) throws IOException {
        List<String> messages = new ArrayList<>();
        Path dir = root.resolve(component.id());
        if (Files.isDirectory(dir)) {
            forEachLine(dir, line -> {
                try {
                    JsonNode n = JSON.readTree(line);
                    messages.add(
                            n.get("message").isNull() ? null : n.get("message").asText());
                } catch (IOException e) {
                    throw new UncheckedIOException(line, e);
                }
            });
        }
        return messages;
    }

    /**
     * Archives in sequence order, then current.log. A rotated file whose compression is under way may
     * briefly exist next to its finished .gz: only the .gz is read then.
     */
    private static void forEachLine(Path dir, java.util.function.Consumer<String> action) throws IOException {
        for (Path archive : TestFiles.archives(dir)) {
            String name = archive.getFileName().toString();
            if (!name.endsWith(".gz") && Files.exists(dir.resolve(name + ".gz"))) {
                continue;
            }
            try (java.io.InputStream in = TestFiles.open(archive);
                    java.io.BufferedReader r = new java.io.BufferedReader(
                            new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
                r.lines().forEach(action);
            }
        }
        Path current = dir.resolve(RotatingFileSink.CURRENT);
        if (Files.exists(current)) {
            Files.readAllLines(current).forEach(action);
        }
    }
}
