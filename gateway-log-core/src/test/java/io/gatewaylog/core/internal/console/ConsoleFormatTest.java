package io.gatewaylog.core.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.core.GatewayLogBackend;
import io.gatewaylog.core.internal.json.EcsRecordEncoder;
import io.gatewaylog.core.internal.json.JsonRecordEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code console.format}: text, json or ecs, per component. */
class ConsoleFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonRecordEncoder json = new JsonRecordEncoder("gateway", 1000);
    private final EcsRecordEncoder ecs = new EcsRecordEncoder("gateway", 1000);

    private static LogRecord record(LogComponent c, String message) {
        return LogRecord.builder()
                .epochMillis(0)
                .level(Level.WARN)
                .component(c)
                .logger("l")
                .thread("main", 1)
                .message(message)
                .fields(Map.of("k", "v"))
                .context(Map.of("asset_id", "gw"))
                .build();
    }

    @Test
    void eachComponentWritesItsOwnFormat() throws Exception {
        Map<LogComponent, ConsoleSink.Format> formats = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            formats.put(c, ConsoleSink.Format.TEXT);
        }
        formats.put(LogComponent.API, ConsoleSink.Format.ECS);
        formats.put(LogComponent.INFRA, ConsoleSink.Format.JSON);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleSink sink = new ConsoleSink(out, formats, json, ecs, 1000);
        sink.write(List.of(
                record(LogComponent.API, "e"), record(LogComponent.INFRA, "j"), record(LogComponent.SYSTEM, "t")));
        sink.flush();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        JsonNode e = JSON.readTree(lines[0]);
        assertThat(e.get("@timestamp").asText()).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(e.get("log.level").asText()).isEqualTo("WARN");
        assertThat(e.get("event.dataset").asText()).isEqualTo("gateway.api");
        assertThat(e.get("service.node.name").asText()).isEqualTo("gw");
        JsonNode j = JSON.readTree(lines[1]);
        assertThat(j.get("timestamp").asText()).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(j.get("component").asText()).isEqualTo("infra");
        assertThat(lines[2]).doesNotStartWith("{").contains("t");
    }

    @Test
    void consoleFormatEcsStartsAndAnInvalidOneFailsNamingTheSetting() {
        GatewayLogBackend ok = GatewayLogBackend.builder()
                .discoverSinks(false)
                .setting("console.format", "ecs")
                .setting("component.auth.console.format", "json")
                .setting("shutdown.hook", "false")
                .bindGlobalContext(false)
                .build();
        assertThat(ok.shutdown(Duration.ofSeconds(10))).isTrue();
        assertThatThrownBy(() -> GatewayLogBackend.builder()
                        .discoverSinks(false)
                        .setting("component.api.console.format", "xml")
                        .setting("shutdown.hook", "false")
                        .build())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'component.api.console.format' = 'xml'")
                .hasMessageContaining("text, json, ecs");
    }
}
