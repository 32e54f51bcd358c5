package io.gatewaylog.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written ceiling writes the line gateway-log writes (a ceiling for a different line would
 * measure nothing), valid JSON for any value, and every line survives its rolling.
 */
class HandwrittenContenderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesGatewayLogsKeysInGatewayLogsOrder(@TempDir Path tmp) throws Exception {
        JsonNode ours = onlyLine(write("handwritten", tmp.resolve("h"), "7"));
        JsonNode theirs = onlyLine(write("gatewaylog", tmp.resolve("g"), "7"));

        assertThat(keys(ours, "")).containsExactlyElementsOf(keys(theirs, ""));
        assertThat(ours.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(theirs.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        for (String same : List.of(
                "level", "component", "logger", "message", "customer_id", "request_id", "endpoint", "batch_size")) {
            assertThat(ours.get(same)).as(same).isEqualTo(theirs.get(same));
        }
        assertThat(ours.get("process")).isEqualTo(theirs.get("process"));
        assertThat(ours.at("/thread/name")).isEqualTo(theirs.at("/thread/name"));
        assertThat(ours.at("/thread/id").isIntegralNumber()).isTrue();
    }

    @Test
    void escapesEveryValueAsJson(@TempDir Path dir) throws Exception {
        String awkward = "q\"b\\n\nt\tc\u0001del\u007f é € \uD83D\uDE00 lone\uD800.";
        Contender c = Contender.start("handwritten", dir, "100MB");
        Thread t = new Thread(() -> c.log(awkward), "worker \"1\"\\");
        t.start();
        t.join();
        c.shutdown();

        JsonNode line = onlyLine(Files.readAllLines(dir.resolve("current.log"), StandardCharsets.UTF_8));
        assertThat(line.get("request_id").asText()).isEqualTo(awkward);
        assertThat(line.at("/thread/name").asText()).isEqualTo("worker \"1\"\\");
    }

    @Test
    void rollsByRenameAndKeepsEveryLine(@TempDir Path dir) throws IOException {
        Contender c = Contender.start("handwritten", dir, "4KB");
        for (int i = 0; i < 1000; i++) {
            c.log(Integer.toString(i));
        }
        c.shutdown();

        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(names).contains("current.log", "api.log.1", "api.log.2").noneMatch(n -> n.endsWith(".gz"));
        assertThat(Files.size(dir.resolve("api.log.1"))).isBetween(4096L, 4096L + 512);
        ReadBack.Count count = ReadBack.count(dir, 1000);
        assertThat(count.lines()).isEqualTo(1000);
        assertThat(count.distinct()).isEqualTo(1000);
        assertThat(count.duplicates()).isZero();
    }

    @Test
    void readsRotationSizes() {
        assertThat(HandwrittenContender.parseSize("100MB")).isEqualTo(100L << 20);
        assertThat(HandwrittenContender.parseSize("64kb")).isEqualTo(64L << 10);
        assertThat(HandwrittenContender.parseSize("2GB")).isEqualTo(2L << 30);
        assertThat(HandwrittenContender.parseSize("1000")).isEqualTo(1000);
    }

    /** Logs one record from a thread named like the other contender's, so the thread fields compare. */
    private static List<String> write(String contender, Path dir, String requestId) throws Exception {
        Files.createDirectories(dir);
        Contender c = Contender.start(contender, dir, "100MB");
        Thread t = new Thread(() -> c.log(requestId), "worker-1");
        t.start();
        t.join();
        c.shutdown();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("current.log"))
                    .toList()) {
                lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static JsonNode onlyLine(List<String> lines) throws IOException {
        assertThat(lines).hasSize(1);
        return JSON.readTree(lines.get(0));
    }

    private static List<String> keys(JsonNode node, String prefix) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            keys.add(prefix + e.getKey());
            keys.addAll(keys(e.getValue(), prefix + e.getKey() + "."));
        }
        return keys;
    }
}
