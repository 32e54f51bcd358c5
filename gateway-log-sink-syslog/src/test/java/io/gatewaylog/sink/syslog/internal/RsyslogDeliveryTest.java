package io.gatewaylog.sink.syslog.internal;

import static io.gatewaylog.sink.syslog.internal.TestSinks.auth;
import static io.gatewaylog.sink.syslog.internal.TestSinks.measurement;
import static io.gatewaylog.sink.syslog.internal.TestSinks.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.sink.syslog.internal.RsyslogServer.Line;
import io.gatewaylog.testkit.RecordingReporter;
import io.gatewaylog.testkit.internal.RsyslogSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every transport against a real rsyslogd, asserting on what rsyslog's own parser read. */
@RsyslogSuite
class RsyslogDeliveryTest {
    private static final AtomicInteger APPS = new AtomicInteger();
    private static RsyslogServer server;

    private final List<SyslogSink> sinks = new ArrayList<>();
    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeAll
    static void startServer() throws Exception {
        server = RsyslogServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeSinks() {
        sinks.forEach(SyslogSink::close);
    }

    private String target(String kind) {
        switch (kind) {
            case "unix":
                return "unix:" + server.socket();
            case "udp":
                return "udp:127.0.0.1:" + server.udpPort();
            case "tcp":
                return "tcp:127.0.0.1:" + server.tcpPort();
            default:
                return "tls:localhost:" + server.tlsPort();
        }
    }

    /** A sink with a fresh app-name (so each test reads back only its own messages). */
    private SyslogSink sink(String app, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of(
                "app.name",
                app,
                "components",
                "all",
                "tls.truststore",
                server.certificate().toString(),
                "reconnect.delay",
                "50ms",
                "reconnect.max.delay",
                "200ms"));
        all.putAll(settings);
        SyslogSink sink = new SyslogSink(TestSinks.config(all), reporter);
        sinks.add(sink);
        return sink;
    }

    private static String app(String what) {
        return what + "-" + APPS.incrementAndGet();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unix", "udp", "tcp", "tls"})
    void eachTransportDeliversWhatRsyslogParses(String kind) {
        String app = app(kind);
        SyslogSink sink = sink(app, Map.of("targets", target(kind), "msgid.field", "event"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "LOGIN_FAILED");
        fields.put("user", "alice");
        fields.put("quote\"back\\slash]", "a \"b\" \\c] d");
        long millis = Instant.parse("2024-01-01T12:00:00.123Z").toEpochMilli();
        LogRecord login = LogRecord.builder()
                .epochMillis(millis)
                .level(Level.WARN)
                .component(LogComponent.AUTH)
                .logger("auth.login")
                .message("Login failed for alice")
                .fields(fields)
                .context(Map.of("customer_id", "customer_123"))
                .build();
        LogRecord api = LogRecord.builder()
                .epochMillis(millis)
                .level(Level.INFO)
                .component(LogComponent.API)
                .logger("endpoint")
                .message("Request processed")
                .build();
        sink.write(List.of(login, api));
        sink.flush();

        List<Line> lines = server.awaitLines(app, 2);
        Line a = lines.get(0);
        assertThat(a.input()).isEqualTo(kind.equals("unix") ? "imuxsock" : kind.equals("udp") ? "udp" : kind);
        assertThat(a.pri()).isEqualTo(10 * 8 + 4); // authpriv.warning
        assertThat(a.timestamp()).isIn("2024-01-01T12:00:00.123Z", "2024-01-01T12:00:00.123+00:00");
        assertThat(a.host()).isEqualTo(Hostnames.local());
        assertThat(a.procId()).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        assertThat(a.msgId()).isEqualTo("LOGIN_FAILED");
        assertThat(a.structuredData())
                .isEqualTo("[gateway@32473 logger=\"auth.login\" customer_id=\"customer_123\" "
                        + "event=\"LOGIN_FAILED\" user=\"alice\" quote_back\\slash_=\"a \\\"b\\\" \\\\c\\] d\"]");
        assertThat(a.msg()).isEqualTo("Login failed for alice");
        Line b = lines.get(1);
        assertThat(b.pri()).isEqualTo(16 * 8 + 6); // local0.info
        assertThat(b.msgId()).isEqualTo("api");
        assertThat(b.msg()).isEqualTo("Request processed");
        assertThat(measurement(sink, "sent")).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unix", "udp", "tcp", "tls"})
    void multiLineAndNonAsciiMessagesStayOneRecord(String kind) {
        String app = app("ml-" + kind);
        SyslogSink sink = sink(app, Map.of("targets", target(kind)));
        sink.write(List.of(
                auth("first line\nsecond line\r\nthird"),
                auth("ünïcødé 日本語 🚀 done"),
                record(LogComponent.AUTH, Level.ERROR, "with a field", Map.of("note", "zweite\nZeile ü"))));
        List<Line> lines = server.awaitLines(app, 3);
        assertThat(lines).hasSize(3);
        // rsyslog writes control characters as #ooo on receipt: the record was not split.
        assertThat(lines.get(0).msg()).isEqualTo("first line#012second line#015#012third");
        assertThat(lines.get(1).msg()).isEqualTo("ünïcødé 日本語 🚀 done");
        assertThat(lines.get(2).structuredData()).contains("note=\"zweite#012Zeile ü\"");
    }

    @Test
    void lfFramingEscapesNewlinesSoARecordCannotSplit() {
        String app = app("lf");
        SyslogSink sink = sink(app, Map.of("targets", target("tcp"), "framing", "lf"));
        sink.write(List.of(auth("one\ntwo"), auth("three")));
        List<Line> lines = server.awaitLines(app, 2);
        assertThat(lines).extracting(Line::msg).containsExactly("one#012two", "three");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void longMessagesAreTruncatedAtACharacterBoundaryAndCounted(String kind) throws Exception {
        String app = app("trunc-" + kind);
        SyslogSink sink = sink(app, Map.of("targets", target(kind), "max.message.size", "600B"));
        String text = "ä".repeat(1000); // two bytes each: a cut at an odd offset would split one
        sink.write(List.of(auth(text), auth("short")));
        List<Line> lines = server.awaitLines(app, 2);
        String msg = lines.get(0).msg();
        assertThat(msg).endsWith(SyslogFormatter.TRUNCATION_MARKER).doesNotContain("\uFFFD");
        assertThat(msg.replace(SyslogFormatter.TRUNCATION_MARKER, "")).matches("ä+");
        assertThat(server.rawContaining(app).get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(600);
        assertThat(lines.get(1).msg()).isEqualTo("short");
        assertThat(measurement(sink, "truncated")).isEqualTo(1);
        assertThat(reporter.messages()).anyMatch(m -> m.contains("truncated"));
    }

    @Test
    void rfc3164OnRequest() {
        String app = app("bsd");
        SyslogSink sink = sink(app, Map.of("targets", target("udp"), "format", "rfc3164"));
        sink.write(List.of(record(LogComponent.AUTH, Level.ERROR, "legacy", Map.of("user", "bob"))));
        Line line = server.awaitLines(app, 1).get(0);
        assertThat(line.pri()).isEqualTo(10 * 8 + 3);
        assertThat(line.procId())
                .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        // rsyslog keeps the space after "TAG[pid]:" in the RFC 3164 msg property.
        assertThat(line.msg()).isEqualTo(" legacy user=\"bob\"");
    }

    @Test
    void onlyAuthByDefault() {
        String app = app("default");
        Map<String, String> settings = new HashMap<>(Map.of("app.name", app, "targets", target("udp")));
        SyslogSink sink = new SyslogSink(TestSinks.config(settings), reporter);
        sinks.add(sink);
        assertThat(sink.accepts(LogComponent.AUTH)).isTrue();
        assertThat(sink.accepts(LogComponent.API)).isFalse();
        sink.write(List.of(record(LogComponent.API, Level.INFO, "not for syslog", Map.of()), auth("for syslog")));
        assertThat(server.awaitLines(app, 1)).extracting(Line::msg).containsExactly("for syslog");
    }

    @Test
    void fallsBackFromAMissingLocalSocketToUdpAndFailsBack() throws Exception {
        String app = app("fallback");
        Path late = server.dir().resolve("late.sock");
        SyslogSink sink = sink(
                app,
                Map.of("targets", "unix:" + late + ",udp:127.0.0.1:" + server.udpPort(), "failback.interval", "100ms"));
        sink.write(List.of(auth("via udp")));
        assertThat(server.awaitLines(app, 1)).extracting(Line::input).containsExactly("udp");
        assertThat(measurement(sink, "failovers")).isEqualTo(1);
        assertThat(reporter.messages()).anyMatch(m -> m.contains("fallback target udp:"));

        // The local socket appears (a link to rsyslog's): the sink goes back to it by itself.
        Files.createSymbolicLink(late, server.socket());
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            sink.activeTarget() != null && sink.activeTarget().kind() == Target.Kind.UNIX);
            sink.write(List.of(auth("via unix")));
            assertThat(server.awaitLines(app, 2))
                    .extracting(Line::input, Line::msg)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("udp", "via udp"),
                            org.assertj.core.groups.Tuple.tuple("imuxsock", "via unix"));
            assertThat(measurement(sink, "failbacks")).isEqualTo(1);
        } finally {
            Files.delete(late);
        }
    }

    @Test
    void tlsVerifiesTheHostName() throws Exception {
        // The certificate names localhost only; 127.0.0.1 must be refused unless verification is off.
        String refused = app("tls-refused");
        SyslogSink strict = sink(refused, Map.of("targets", "tls:127.0.0.1:" + server.tlsPort()));
        strict.write(List.of(auth("must not arrive")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reporter.messages().stream()
                        .anyMatch(m -> m.contains("tls:127.0.0.1") && m.contains("failed")));
        assertThat(measurement(strict, "sent")).isZero();
        assertThat(measurement(strict, "buffered")).isEqualTo(1);

        String lax = app("tls-lax");
        SyslogSink unchecked =
                sink(lax, Map.of("targets", "tls:127.0.0.1:" + server.tlsPort(), "tls.verify.hostname", "false"));
        unchecked.write(List.of(auth("arrives")));
        assertThat(server.awaitLines(lax, 1)).extracting(Line::msg).containsExactly("arrives");
        assertThat(server.lines(refused)).isEmpty();
    }

    @Test
    void withoutJnaTheLocalSocketIsSkippedWithAWarning() {
        String app = app("nojna");
        Map<String, String> settings =
                Map.of("app.name", app, "targets", "unix:" + server.socket() + ",udp:127.0.0.1:" + server.udpPort());
        SyslogSink sink = new SyslogSink(TestSinks.config(settings), reporter, false);
        sinks.add(sink);
        sink.write(List.of(auth("over udp")));
        assertThat(server.awaitLines(app, 1)).extracting(Line::input).containsExactly("udp");
        assertThat(reporter.messages()).anyMatch(m -> m.contains("needs JNA"));
    }
}
