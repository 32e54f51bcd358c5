package io.gatewaylog.sink.syslog.internal;

import static io.gatewaylog.sink.syslog.internal.TestSinks.measurement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.core.GatewayLogBackend;
import io.gatewaylog.testkit.RecordingReporter;
import io.gatewaylog.testkit.internal.TestCertificate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A collector that accepts connections and never reads (a real {@code ServerSocket}; the kernel's
 * buffers fill and the sender's writes block): auth callers do not notice, the stalled write is cut and
 * the next target takes over, and a collector that hangs again and again costs one line on stderr.
 * Everything here is counted (records buffered, sent, stalls, failovers, where the sender thread is
 * blocked), never timed.
 */
class HungCollectorTest {
    /** Large records, so that a few hundred fill the kernel's buffers. */
    private static final String PADDING = "x".repeat(6000);

    private static final Pattern NUMBER = Pattern.compile("record (\\d+) ");

    @TempDir
    static Path dir;

    private static TestCertificate certificate;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = TestCertificate.create(dir);
    }

    private static TestCollectors.Hung hung(String kind) throws Exception {
        return kind.equals("tls") ? TestCollectors.Hung.tls(certificate) : TestCollectors.Hung.tcp();
    }

    private static Map<String, String> settings(String targets, String... more) {
        Map<String, String> s = new HashMap<>(Map.of(
                "targets",
                targets,
                "tls.truststore",
                certificate.pem().toString(),
                "buffer.size",
                "100000",
                "failback.interval",
                "1h"));
        for (int i = 0; i < more.length; i += 2) {
            s.put(more[i], more[i + 1]);
        }
        return s;
    }

    private static String message(int i) {
        return "record " + i + " " + PADDING;
    }

    private static boolean inSocketWrite(Thread t) {
        return Arrays.stream(t.getStackTrace())
                .anyMatch(f -> f.getClassName().startsWith("sun.nio.ch.")
                        && f.getMethodName().toLowerCase(java.util.Locale.ROOT).contains("write"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "tls"})
    void authCallsThroughTheBackendNeverWaitForACollectorThatStopsReading(String kind) throws Exception {
        RecordingReporter reporter = new RecordingReporter();
        try (TestCollectors.Hung collector = hung(kind)) {
            Map<String, String> settings = new HashMap<>();
            // write.timeout long enough that the stall lasts for the whole test: the callers must not care.
            settings(kind + ":localhost:" + collector.port(), "write.timeout", "1h")
                    .forEach((k, v) -> settings.put(SyslogConfig.PREFIX + k, v));
            GatewayLogBackend backend = GatewayLogBackend.builder()
                    .bindGlobalContext(false)
                    .settings(settings)
                    .setting("dir", dir.resolve("logs-" + kind).toString())
                    .setting("console.enabled", "false")
                    .setting("shutdown.hook", "false")
                    .reporter(reporter)
                    .build();
            SyslogSink sink = (SyslogSink) backend.sinks().stream()
                    .filter(s -> s.name().equals("syslog"))
                    .findFirst()
                    .orElseThrow();
            GatewayLogger auth = backend.logger(LogComponent.AUTH, "auth.login");
            try {
                // 1000 records of 6KB: far more than the two kernel buffers of the connection hold.
                for (int i = 0; i < 1000; i++) {
                    auth.info(message(i));
                }
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> sink.writeBlockedNanos() > 0 && inSocketWrite(sink.senderThread()));
                double sent = measurement(sink, "sent");
                double buffered = measurement(sink, "buffered");
                assertThat(sent + buffered).isEqualTo(1000);
                assertThat(buffered)
                        .as("records waiting behind the blocked write")
                        .isPositive();

                // The sender is stuck in a socket write. Auth calls go on, each one written (the core
                // counts it) and flushed, and all they leave for syslog waits in the sink's buffer.
                for (int i = 1000; i < 1100; i++) {
                    auth.info(message(i));
                }
                assertThat(backend.flush(Duration.ofSeconds(5))).isTrue();
                ComponentStatistics stats = backend.statistics().component(LogComponent.AUTH);
                assertThat(stats.accepted()).isEqualTo(1100);
                assertThat(stats.written()).isEqualTo(1100);
                assertThat(stats.droppedTotal()).isZero();
                assertThat(measurement(sink, "buffered")).isEqualTo(buffered + 100);
                assertThat(measurement(sink, "sent")).isEqualTo(sent);
                assertThat(measurement(sink, "stalls")).isZero();
                assertThat(inSocketWrite(sink.senderThread()))
                        .as("the sender is still in the same write")
                        .isTrue();
                assertThat(collector.connections()).isEqualTo(1);
            } finally {
                // Shutdown cuts the blocked write at close.timeout and counts what is left.
                backend.shutdown(Duration.ofSeconds(30));
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !sink.senderThread().isAlive());
            assertThat(measurement(sink, "dropped") + measurement(sink, "sent")).isEqualTo(1100);
            assertThat(reporter.messages()).anyMatch(m -> m.contains("could not be sent before shutdown"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "tls"})
    void aStalledWriteFailsOverToTheNextTargetAndTheRecordsStayInOrder(String kind) throws Exception {
        RecordingReporter reporter = new RecordingReporter();
        try (TestCollectors.Hung collector = hung(kind);
                TestCollectors.Reading healthy = new TestCollectors.Reading()) {
            String first = kind + ":localhost:" + collector.port();
            String second = "tcp:127.0.0.1:" + healthy.port();
            SyslogSink sink = new SyslogSink(
                    TestSinks.config(settings(first + "," + second, "write.timeout", "200ms")), reporter);
            try {
                for (int i = 0; i < 1000; i++) {
                    sink.write(List.of(TestSinks.auth(message(i))));
                }
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> measurement(sink, "buffered") == 0
                                && healthy.messages().stream().anyMatch(m -> m.contains("record 999 ")));
                List<Integer> got = healthy.messages().stream()
                        .map(HungCollectorTest::number)
                        .toList();

                assertThat(measurement(sink, "stalls")).isEqualTo(1);
                assertThat(measurement(sink, "failovers")).isEqualTo(1);
                assertThat(sink.activeTarget()).hasToString(second);
                // What the hung collector's buffers swallowed is gone (plain syslog has no acknowledgement);
                // from the cut on, every record reaches the second target once, in order, up to the last.
                int from = got.get(0);
                assertThat(TestSinks.sentTo(sink, first))
                        .as("counted as sent to the hung collector")
                        .isEqualTo(from);
                assertThat(TestSinks.sentTo(sink, second)).isEqualTo(1000 - from);
                assertThat(got)
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(from, 1000)
                                .boxed()
                                .toList());
                assertThat(measurement(sink, "dropped")).isZero();
                assertThat(reporter.messages()).hasSize(1);
                assertThat(reporter.messages().get(0))
                        .contains("using fallback target " + second)
                        .contains(first)
                        .contains("a write made no progress for PT0.2S (sink.syslog.write.timeout)");
            } finally {
                sink.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "tls"})
    void aCollectorThatHangsOnEveryConnectionCostsOneLineOnStderr(String kind) throws Exception {
        RecordingReporter reporter = new RecordingReporter();
        try (TestCollectors.Hung collector = hung(kind)) {
            SyslogSink sink = new SyslogSink(
                    TestSinks.config(settings(
                            kind + ":localhost:" + collector.port(),
                            "write.timeout",
                            "100ms",
                            "reconnect.delay",
                            "10ms",
                            "reconnect.max.delay",
                            "20ms")),
                    reporter);
            try {
                int i = 0;
                // Keep records coming until the sender has connected, filled the buffers and been cut three times.
                while (measurement(sink, "stalls") < 3) {
                    sink.write(List.of(TestSinks.auth(message(i++))));
                    if (measurement(sink, "buffered") > 500) {
                        await().atMost(Duration.ofSeconds(30))
                                .until(() -> measurement(sink, "buffered") <= 500 || measurement(sink, "stalls") >= 3);
                    }
                }
                assertThat(collector.connections()).isGreaterThanOrEqualTo(3);
                // Each new connection takes the first few hundred KB before it hangs: never "reconnected".
                assertThat(measurement(sink, "reconnects")).isZero();
                assertThat(reporter.messages()).noneMatch(m -> m.contains("reconnected"));
                assertThat(reporter.messages()).hasSizeLessThanOrEqualTo(1);
            } finally {
                sink.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "tls"})
    void failingBackToACollectorThatStillHangsLosesNothingMore(String kind) throws Exception {
        RecordingReporter reporter = new RecordingReporter();
        try (TestCollectors.Hung collector = hung(kind);
                TestCollectors.Reading healthy = new TestCollectors.Reading()) {
            String first = kind + ":localhost:" + collector.port();
            String second = "tcp:127.0.0.1:" + healthy.port();
            SyslogSink sink = new SyslogSink(
                    TestSinks.config(settings(
                            first + "," + second,
                            "write.timeout",
                            "100ms",
                            "failback.interval",
                            "150ms",
                            "reconnect.delay",
                            "10ms",
                            "reconnect.max.delay",
                            "20ms")),
                    reporter);
            try {
                int i = 0;
                // Records keep coming while the sender fails back to the hung collector, and is cut, again and again.
                while (measurement(sink, "stalls") < 4) {
                    sink.write(List.of(TestSinks.auth(message(i++))));
                    if (measurement(sink, "buffered") > 500) {
                        await().atMost(Duration.ofSeconds(30))
                                .until(() -> measurement(sink, "buffered") <= 500 || measurement(sink, "stalls") >= 4);
                    }
                }
                int last = i - 1;
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> healthy.messages().stream().anyMatch(m -> m.contains("record " + last + " ")));
                List<Integer> got = healthy.messages().stream()
                        .map(HungCollectorTest::number)
                        .toList();
                assertThat(collector.connections()).isGreaterThanOrEqualTo(4);
                // Only the first connection, believed until it stalled, took records away for good; what every
                // later one was sent stayed in the buffer until the cut and went to the second target.
                int from = got.get(0);
                assertThat(TestSinks.sentTo(sink, first)).isEqualTo(from);
                assertThat(got)
                        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(from, last)
                                .boxed()
                                .toList());
                assertThat(measurement(sink, "failbacks")).isZero();
                assertThat(measurement(sink, "dropped")).isZero();
                assertThat(reporter.messages()).hasSize(1);
            } finally {
                sink.close();
            }
        }
    }

    private static int number(String message) {
        Matcher m = NUMBER.matcher(message);
        assertThat(m.find()).as(message).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
