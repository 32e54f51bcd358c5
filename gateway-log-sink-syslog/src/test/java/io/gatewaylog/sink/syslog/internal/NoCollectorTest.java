package io.gatewaylog.sink.syslog.internal;

import static io.gatewaylog.sink.syslog.internal.TestSinks.measurement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.core.GatewayLogBackend;
import io.gatewaylog.testkit.RecordingReporter;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No collector anywhere: a missing local socket and a UDP port where nothing listens. The sink says so
 * in one line however often it retries — no "failed"/"reconnected" pair per record, as UDP's "sent,
 * refused on the next send" used to give — and, for the default targets nobody asked for, neither an
 * overflow warning nor a "records lost" line at shutdown. Lines on stderr are counted.
 */
class NoCollectorTest {
    @TempDir
    Path dir;

    private static int closedUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void retryingAMissingSocketAndAClosedUdpPortSaysSoOnce() throws Exception {
        RecordingReporter reporter = new RecordingReporter();
        String unix = "unix:" + dir.resolve("missing.sock");
        String udp = "udp:127.0.0.1:" + closedUdpPort();
        SyslogSink sink = new SyslogSink(
                TestSinks.config(
                        Map.of("targets", unix + "," + udp, "reconnect.delay", "5ms", "reconnect.max.delay", "10ms")),
                reporter);
        try {
            for (int i = 0; i < 100; i++) {
                sink.write(List.of(TestSinks.auth("record " + i)));
            }
            // Many rounds of retries of both targets, each UDP round a real datagram refused by the kernel.
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.connectAttempts() >= 60);
            assertThat(reporter.messages()).hasSize(1);
            assertThat(reporter.messages().get(0))
                    .contains(unix + " failed (")
                    .contains(udp + " failed (nothing listens")
                    // the count is the buffer's when the sender gave up on both targets: the writes may still be going
                    // on
                    .containsPattern("\\d+ of 10000 buffered records wait");
            assertThat(measurement(sink, "sent")).isZero();
            assertThat(measurement(sink, "buffered")).isEqualTo(100);
            assertThat(measurement(sink, "reconnects")).isZero();
            assertThat(measurement(sink, "failovers")).isZero();
        } finally {
            sink.close();
        }
        // Asked-for targets that never came: the records lost at shutdown are said, and counted.
        assertThat(reporter.messages()).hasSize(2);
        assertThat(reporter.messages().get(1)).contains("100 records could not be sent before shutdown");
        assertThat(measurement(sink, "dropped")).isEqualTo(100);
    }

    @Test
    void aUdpCollectorThatAppearsLaterGetsTheBufferedRecordsWithOneLine() throws Exception {
        RecordingReporter reporter = new RecordingReporter();
        int port = closedUdpPort();
        SyslogSink sink = new SyslogSink(
                TestSinks.config(Map.of(
                        "targets", "udp:127.0.0.1:" + port, "reconnect.delay", "5ms", "reconnect.max.delay", "10ms")),
                reporter);
        try {
            for (int i = 0; i < 10; i++) {
                sink.write(List.of(TestSinks.auth("record " + i)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.connectAttempts() >= 20);
            try (DatagramSocket collector = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> measurement(sink, "sent") == 10);
                byte[] buf = new byte[2048];
                for (int i = 0; i < 10; i++) {
                    java.net.DatagramPacket p = new java.net.DatagramPacket(buf, buf.length);
                    collector.receive(p);
                    assertThat(new String(p.getData(), 0, p.getLength(), java.nio.charset.StandardCharsets.UTF_8))
                            .endsWith("record " + i);
                }
            }
            assertThat(reporter.messages()).hasSize(2);
            assertThat(reporter.messages().get(1)).startsWith("syslog: connected to udp:127.0.0.1:" + port);
        } finally {
            sink.close();
        }
    }

    @Test
    void outOfTheBoxWithoutACollectorTheBackendSaysSoOnceAndNothingElse() throws Exception {
        Assumptions.assumeFalse(Files.exists(Path.of("/dev/log")), "this machine has /dev/log");
        try (DatagramSocket probe = new DatagramSocket(514, InetAddress.getLoopbackAddress())) {
            // We could take port 514: nothing listens there. (Closed again at once.)
        } catch (BindException e) {
            Assumptions.abort("something listens on UDP 514, or binding it is not allowed here: " + e.getMessage());
        }
        RecordingReporter reporter = new RecordingReporter();
        // The default targets (unix:/dev/log, udp:localhost:514) and JNA on the class path, as the demo ships.
        GatewayLogBackend backend = GatewayLogBackend.builder()
                .bindGlobalContext(false)
                .setting("dir", dir.resolve("logs").toString())
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("sink.syslog.buffer.size", "100")
                .reporter(reporter)
                .build();
        SyslogSink sink = (SyslogSink) backend.sinks().stream()
                .filter(s -> s.name().equals("syslog"))
                .findFirst()
                .orElseThrow();
        GatewayLogger auth = backend.logger(LogComponent.AUTH, "auth.login");
        for (int i = 0; i < 300; i++) {
            auth.info("login " + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.connectAttempts() >= 4);
        assertThat(backend.shutdown(Duration.ofSeconds(30))).isTrue();

        assertThat(reporter.messages()).hasSize(1);
        assertThat(reporter.messages().get(0))
                .startsWith(
                        "syslog: no syslog collector on this machine (unix:/dev/log failed (No such file or directory)")
                .contains("udp:localhost:514 failed (nothing listens")
                .contains("sink.syslog.targets")
                .contains("sink.syslog.enabled=false");
        // Nothing uncounted: the core wrote every auth record; what syslog could not send is its own drop.
        ComponentStatistics stats = backend.statistics().component(LogComponent.AUTH);
        assertThat(stats.written()).isEqualTo(300);
        assertThat(stats.droppedTotal()).isZero();
        assertThat(measurement(sink, "sent")).isZero();
        assertThat(measurement(sink, "dropped")).isEqualTo(300);
    }
}
