package io.gatewaylog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.core.internal.json.EcsRecordEncoder;
import io.gatewaylog.core.internal.json.JsonRecordEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RecordEncoder#byComponent}: how sinks apply a format per component. */
class RecordEncoderByComponentTest {
    private final JsonRecordEncoder json = new JsonRecordEncoder("gateway", 1000);
    private final EcsRecordEncoder ecs = new EcsRecordEncoder("gateway", 1000);

    private static Map<LogComponent, RecordEncoder> all(RecordEncoder e) {
        Map<LogComponent, RecordEncoder> m = new EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            m.put(c, e);
        }
        return m;
    }

    @Test
    void oneEncoderForEveryComponentIsReturnedAsItIs() {
        assertThat(RecordEncoder.byComponent(all(json))).isSameAs(json);
    }

    @Test
    void eachRecordGoesToItsComponentsEncoder() throws Exception {
        Map<LogComponent, RecordEncoder> m = all(json);
        m.put(LogComponent.AUTH, ecs);
        RecordEncoder e = RecordEncoder.byComponent(m);
        LogRecord auth = LogRecord.builder(Level.INFO, LogComponent.AUTH, "l")
                .message("a")
                .thread("t", 1)
                .build();
        LogRecord api = LogRecord.builder(Level.INFO, LogComponent.API, "l")
                .message("b")
                .thread("t", 1)
                .build();
        assertThat(new String(e.encode(auth), StandardCharsets.UTF_8)).startsWith("{\"@timestamp\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.encode(api, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"timestamp\"");
    }

    @Test
    void aMissingComponentIsRefused() {
        Map<LogComponent, RecordEncoder> m = all(json);
        m.remove(LogComponent.METRICS);
        assertThatThrownBy(() -> RecordEncoder.byComponent(m))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metrics");
    }
}
