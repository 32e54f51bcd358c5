package io.gatewaylog.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.core.internal.json.EcsRecordEncoder;
import io.gatewaylog.core.internal.json.JsonRecordEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The encoders copy the JSON form of a string they met before instead of escaping it again: a line must not
 * change whether a string is met the first, second or hundredth time, and a string that never repeats must not
 * push out one that does.
 */
class RepeatedStringsEncodingTest {
    /** Strings that need every kind of care: escapes, line breaks, control chars, non-ASCII, a lone surrogate. */
    private static final List<String> TRICKY = List.of(
            "plain",
            "say \"hi\" \\ back",
            "forged\r\n{\"level\":\"ERROR\"}",
            "tab\tbell\u0007nul\u0000",
            "naïve ünïcödé — 日本語 😀",
            "lone \uD800 surrogate",
            "x".repeat(128),
            "y".repeat(129));

    private static LogRecord record(String text) {
        return LogRecord.builder()
                .epochMillis(1_700_000_000_123L)
                .level(Level.INFO)
                .component(LogComponent.API)
                .logger(text)
                .message(text)
                .thread(text, 7)
                .fields(Fields.of(text, text, "message", text, "nested", Map.of(text, List.of(text))))
                .context(Map.of("asset_id", text))
                .build();
    }

    /** Past the warm-up after which an encoding thread keeps its table of ready strings (4,096 lookups). */
    private static RecordEncoder warm(RecordEncoder encoder) {
        LogRecord r = record("warm-up");
        for (int i = 0; i < 2_000; i++) {
            encoder.encode(r);
        }
        return encoder;
    }

    private static String line(RecordEncoder encoder, LogRecord r) {
        return new String(encoder.encode(r), StandardCharsets.UTF_8);
    }

    @Test
    void aStringWritesTheSameLineEveryTimeItIsMet() {
        for (RecordEncoder encoder :
                List.of(warm(new JsonRecordEncoder("gw", 100)), warm(new EcsRecordEncoder("gw", 100)))) {
            for (String text : TRICKY) {
                LogRecord r = record(text);
                String first = line(encoder, r);
                for (int i = 0; i < 3; i++) {
                    assertThat(line(encoder, r))
                            .as("%s, sighting %d", text, i + 2)
                            .isEqualTo(first);
                }
                // what the first line is: one line, escaped, the reserved name renamed, long text truncated
                assertThat(first.indexOf('\n')).isEqualTo(first.length() - 1);
                assertThat(first).doesNotContain("\r").doesNotContain("\u0007");
                if (encoder instanceof JsonRecordEncoder) {
                    assertThat(first).contains("\"field_message\":");
                }
            }
        }
    }

    @Test
    void equalButDistinctStringsAreWrittenAlike() {
        RecordEncoder encoder = warm(new JsonRecordEncoder("gw", 100));
        String a = new String("customer_123".toCharArray());
        String b = new String("customer_123".toCharArray());
        String lineA = line(encoder, record(a));
        line(encoder, record(a));
        assertThat(line(encoder, record(b))).isEqualTo(lineA).isEqualTo(line(encoder, record(a)));
    }

    @Test
    void stringsThatNeverRepeatDoNotChangeWhatRepeats() {
        JsonRecordEncoder encoder = new JsonRecordEncoder("gw", 100);
        String constant = "/api/v1/messages";
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            LogRecord r = LogRecord.builder()
                    .epochMillis(1_700_000_000_000L + i)
                    .level(Level.INFO)
                    .component(LogComponent.API)
                    .logger("bench")
                    .message("Processing request")
                    .thread("worker", 1)
                    .fields(Fields.of("endpoint", constant, "request_id", Integer.toString(i)))
                    .build();
            lines.add(line(encoder, r));
        }
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i))
                    .contains("\"endpoint\":\"/api/v1/messages\"")
                    .contains("\"request_id\":\"" + i + "\"")
                    .contains("\"message\":\"Processing request\"");
        }
    }
}
