package io.gatewaylog.sink.syslog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5424 and RFC 3164 output byte for byte (the rsyslog tests show a real parser reads it). */
class FormatterTest {
    private static final long NOON = Instant.parse("2024-01-01T12:00:00Z").toEpochMilli();
    private static final String PID = String.valueOf(ProcessHandle.current().pid());

    private static SyslogConfig config(Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(Map.of("hostname", "gw1", "app.name", "gateway"));
        s.putAll(extra);
        return TestSinks.config(s);
    }

    private static String format(SyslogFormatter f, LogRecord r, int max, boolean escape) {
        return new String(f.format(r, max, escape).bytes(), StandardCharsets.UTF_8);
    }

    private static LogRecord.Builder record() {
        return LogRecord.builder()
                .epochMillis(NOON)
                .level(Level.INFO)
                .component(LogComponent.AUTH)
                .logger("auth.login");
    }

    @ParameterizedTest
    @CsvSource({
        "TRACE,auth,87",
        "DEBUG,auth,87",
        "INFO,auth,86",
        "WARN,auth,84",
        "ERROR,auth,83",
        "INFO,api,134",
        "ERROR,protocol,131",
        "WARN,metrics,132"
    })
    void priIsFacilityTimesEightPlusSeverity(Level level, String component, int pri) {
        LogRecord r = record().level(level)
                .component(LogComponent.parse(component))
                .message("m")
                .build();
        assertThat(format(new Rfc5424Formatter(config(Map.of())), r, 8192, false))
                .startsWith("<" + pri + ">1 ");
    }

    @Test
    void aFullMessage() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user", "alice");
        fields.put("a=b c]\"d", "x\"y\\z]");
        fields.put("k".repeat(40), null);
        fields.put("n", 42);
        LogRecord r = record().message("Login failed")
                .fields(fields)
                .context(Map.of("request_id", "r1"))
                .cause(new IllegalStateException("bad \"pin\""))
                .build();
        assertThat(format(new Rfc5424Formatter(config(Map.of())), r, 8192, false))
                .isEqualTo(
                        "<86>1 2024-01-01T12:00:00.000Z gw1 gateway " + PID
                                + " auth [gateway@32473 logger=\"auth.login\" "
                                + "request_id=\"r1\" user=\"alice\" a_b_c__d=\"x\\\"y\\\\z\\]\" " + "k".repeat(32)
                                + "=\"\" n=\"42\" "
                                + "error.type=\"java.lang.IllegalStateException\" error.message=\"bad \\\"pin\\\"\"] Login failed");
    }

    @Test
    void nilValuesAndOptions() {
        LogRecord bare = LogRecord.builder()
                .epochMillis(NOON + 5)
                .level(Level.INFO)
                .component(LogComponent.API)
                .build();
        assertThat(format(new Rfc5424Formatter(config(Map.of())), bare, 8192, false))
                .isEqualTo("<134>1 2024-01-01T12:00:00.005Z gw1 gateway " + PID + " api -");
        LogRecord r = record().message("hi")
                .fields(Map.of("event", "LOGIN_ÖK with space"))
                .build();
        byte[] bytes = new Rfc5424Formatter(config(Map.of("sd.id", "none", "utf8.bom", "true", "msgid.field", "event")))
                .format(r, 8192, false)
                .bytes();
        String s = new String(bytes, StandardCharsets.UTF_8);
        assertThat(s)
                .isEqualTo("<86>1 2024-01-01T12:00:00.000Z gw1 gateway " + PID + " LOGIN__K_with_space - \uFEFFhi");
    }

    @Test
    void newlinesAreEscapedOnlyWhenTheFramingNeedsIt() {
        LogRecord r = record().message("a\nb\r\nc").fields(Map.of("f", "x\ny")).build();
        Rfc5424Formatter f = new Rfc5424Formatter(config(Map.of()));
        assertThat(format(f, r, 8192, true))
                .endsWith("f=\"x#012y\"] a#012b#015#012c")
                .doesNotContain("\n");
        assertThat(format(f, r, 8192, false)).endsWith("f=\"x\ny\"] a\nb\r\nc");
    }

    @Test
    void truncationCutsTheMessageAtACharacterBoundary() throws Exception {
        Rfc5424Formatter f = new Rfc5424Formatter(config(Map.of()));
        for (int max = 480; max < 520; max++) {
            LogRecord r = record().message("😀ä".repeat(200)).build();
            FormattedMessage m = f.format(r, max, false);
            assertThat(m.truncated()).isTrue();
            assertThat(m.bytes().length).isLessThanOrEqualTo(max).isGreaterThan(max - 6);
            assertThat(strictUtf8(m.bytes()))
                    .endsWith(SyslogFormatter.TRUNCATION_MARKER)
                    .contains("] 😀ä");
        }
        FormattedMessage small = f.format(record().message("fits").build(), 480, false);
        assertThat(small.truncated()).isFalse();
    }

    @Test
    void fieldsTooLargeForTheLimitAreLeftOutWholeAndTheRecordIsMarked() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("small", "kept");
        fields.put("big", "ü".repeat(1000));
        fields.put("after", "x");
        FormattedMessage m = new Rfc5424Formatter(config(Map.of()))
                .format(record().message("msg").fields(fields).build(), 600, false);
        String s = strictUtf8(m.bytes());
        assertThat(m.truncated()).isTrue();
        assertThat(m.bytes().length).isLessThanOrEqualTo(600);
        assertThat(s)
                .contains("small=\"kept\"")
                .contains("after=\"x\"")
                .doesNotContain("big=")
                .endsWith("] " + SyslogFormatter.TRUNCATION_MARKER);
    }

    @Test
    void aValueWhoseToStringThrowsIsWrittenAsAStandIn() {
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        LogRecord r = record().message("m").fields(Map.of("evil", hostile)).build();
        assertThat(format(new Rfc5424Formatter(config(Map.of())), r, 8192, false))
                .contains("evil=\"[toString() of ")
                .contains("threw java.lang.IllegalStateException\\]\"");
        assertThat(format(new Rfc3164Formatter(config(Map.of())), r, 8192, false))
                .contains("evil=\"[toString() of ");
    }

    @Test
    void rfc3164() throws Exception {
        Rfc3164Formatter f = new Rfc3164Formatter(config(Map.of("format", "rfc3164", "app.name", "gate:way")));
        LogRecord r = record().level(Level.ERROR)
                .message("denied")
                .fields(Map.of("user", "bob"))
                .build();
        assertThat(format(f, r, 1024, false))
                .isEqualTo("<83>Jan  1 12:00:00 gw1 gate_way[" + PID + "]: denied user=\"bob\"");
        FormattedMessage cut = f.format(record().message("ß".repeat(600)).build(), 500, false);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.bytes().length).isLessThanOrEqualTo(500);
        assertThat(strictUtf8(cut.bytes())).endsWith("ß" + SyslogFormatter.TRUNCATION_MARKER);
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
