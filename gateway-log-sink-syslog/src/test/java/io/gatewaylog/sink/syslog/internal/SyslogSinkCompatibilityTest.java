package io.gatewaylog.sink.syslog.internal;

import static org.awaitility.Awaitility.await;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Measurement;
import io.gatewaylog.testkit.SinkCompatibilityKit;
import io.gatewaylog.testkit.internal.RsyslogSuite;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared sink kit, run through the real backend (ServiceLoader discovery) against rsyslogd over TCP. */
@RsyslogSuite
class SyslogSinkCompatibilityTest extends SinkCompatibilityKit {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static RsyslogServer server;

    private final String app = "kit-" + RUNS.incrementAndGet();

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

    @Override
    protected Map<String, String> settings() {
        return Map.of(
                "sink.syslog.targets",
                "tcp:127.0.0.1:" + server.tcpPort(),
                "sink.syslog.components",
                "all",
                "sink.syslog.app.name",
                app);
    }

    @Override
    protected String sinkName() {
        return "syslog";
    }

    @Override
    protected List<String> deliveredMessages(LogComponent component) {
        LogSink sink = backend().sinks().stream()
                .filter(s -> s.name().equals("syslog"))
                .findFirst()
                .orElseThrow();
        // Sent means written to the socket; rsyslog writes its file a moment later.
        await().atMost(Duration.ofSeconds(20)).until(() -> server.lines(app).size() >= sent(sink));
        try {
            return server.lines(app).stream()
                    .filter(l -> l.msgId().equals(component.id()))
                    .map(RsyslogServer.Line::msg)
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double sent(LogSink sink) {
        return sink.measurements().stream()
                .filter(m -> m.name().equals("gateway.log.syslog.sent"))
                .mapToDouble(Measurement::value)
                .sum();
    }
}
