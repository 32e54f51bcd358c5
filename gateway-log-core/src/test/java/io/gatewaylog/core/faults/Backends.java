package io.gatewaylog.core.faults;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.internal.PrintingReporter;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.core.GatewayLogBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Starts backends with given sinks and a captured reporter, and stops them after each test. */
abstract class Backends {
    private final List<GatewayLogBackend> started = new ArrayList<>();
    final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();

    GatewayLogBackend.Builder builder(LogSink... sinks) {
        GatewayLogBackend.Builder b = GatewayLogBackend.builder()
                .discoverSinks(false)
                .bindGlobalContext(false)
                .reporter(new PrintingReporter(new PrintStream(diagnostics, true, StandardCharsets.UTF_8)))
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("retention.enabled", "false");
        for (LogSink s : sinks) {
            b.sink(s);
        }
        return b;
    }

    GatewayLogBackend start(GatewayLogBackend.Builder b) {
        GatewayLogBackend backend = b.build();
        started.add(backend);
        return backend;
    }

    GatewayLogBackend start(LogSink sink, String... settings) {
        GatewayLogBackend.Builder b = builder(sink);
        for (int i = 0; i < settings.length; i += 2) {
            b.setting(settings[i], settings[i + 1]);
        }
        return start(b);
    }

    String diagnostics() {
        return diagnostics.toString(StandardCharsets.UTF_8);
    }

    /** accepted = written + dropped: every record has been counted once. */
    static boolean settled(ComponentStatistics s) {
        return s.accepted() == s.written() + s.droppedTotal();
    }

    static ComponentStatistics stats(GatewayLogBackend b, LogComponent c) {
        return b.statistics().component(c);
    }

    @AfterEach
    void stopAll() {
        started.forEach(b -> b.shutdown(Duration.ofSeconds(5)));
    }
}
