package io.gatewaylog.core.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.core.GatewayLogBackend;
import io.gatewaylog.core.internal.json.JsonRecordEncoder;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Logging from inside gateway-log: a sink that logs from write, a value whose toString() logs while
 * it is encoded on the writer thread, two components whose sinks log into each other, auth re-entered
 * under its own lock. None may deadlock; every record is written or counted.
 */
@Timeout(60) // a deadlock would hang the build; the assertions themselves never depend on time
class ReentrancyTest extends Backends {
    private final AtomicReference<GatewayLogBackend> self = new AtomicReference<>();

    private GatewayLogger logger(LogComponent c) {
        return self.get().logger(c, "from-sink");
    }

    @Test
    void aSinkThatLogsIntoItsOwnFullComponentNeverDeadlocks() {
        ScriptedSink sink = new ScriptedSink("chatty", LogComponent.API);
        sink.script = (batch, call) -> {
            if (batch.stream().anyMatch(r -> r.message().startsWith("app "))) {
                for (int i = 0; i < 10; i++) { // more than the buffer holds: must not wait for room
                    logger(LogComponent.API).info("from write " + call + "." + i);
                }
            }
            return batch.size();
        };
        GatewayLogBackend backend = start(sink, "component.api.buffer.size", "2", "component.api.buffer.max", "4");
        self.set(backend);
        GatewayLogger log = backend.logger(LogComponent.API, "app");
        for (int i = 0; i < 50; i++) {
            log.info("app " + i);
        }
        assertThat(backend.flush(Duration.ofSeconds(20))).isTrue();
        ComponentStatistics s = stats(backend, LogComponent.API);
        assertThat(sink.messages().stream().filter(m -> m.startsWith("app "))).hasSize(50);
        assertThat(s.dropped().get("reentrant")).isPositive();
        assertThat(settled(s)).isTrue();
        assertThat(diagnostics()).contains("dropped{reason=reentrant}");
    }

    @Test
    void aValueWhoseToStringLogsWhileEncodedOnTheWriterThreadNeverDeadlocks() {
        JsonRecordEncoder encoder = new JsonRecordEncoder("gateway", 32768);
        ScriptedSink sink = new ScriptedSink("encoding", LogComponent.API);
        sink.script = (batch, call) -> {
            for (LogRecord r : batch) {
                encoder.encode(r, new ByteArrayOutputStream());
            }
            return batch.size();
        };
        GatewayLogBackend backend = start(
                sink,
                "component.api.buffer.size",
                "1",
                "component.api.buffer.max",
                "2",
                "component.api.sanitize.enabled",
                "false");
        self.set(backend);
        Object noisy = new Object() {
            @Override
            public String toString() {
                for (int i = 0; i < 10; i++) {
                    logger(LogComponent.API).info("toString logged " + i);
                }
                return "noisy";
            }
        };
        GatewayLogger log = backend.logger(LogComponent.API, "app");
        for (int i = 0; i < 10; i++) {
            log.info("value " + i, Map.of("v", noisy));
        }
        assertThat(backend.flush(Duration.ofSeconds(20))).isTrue();
        ComponentStatistics s = stats(backend, LogComponent.API);
        assertThat(sink.messages().stream().filter(m -> m.startsWith("value "))).hasSize(10);
        assertThat(settled(s)).isTrue();
    }

    @Test
    void twoComponentsWhoseSinksLogIntoEachOtherNeverDeadlock() {
        ScriptedSink sink = new ScriptedSink("crossing", LogComponent.API, LogComponent.INFRA);
        sink.script = (batch, call) -> {
            LogComponent other = batch.get(0).component() == LogComponent.API ? LogComponent.INFRA : LogComponent.API;
            if (!batch.get(0).message().equals("echo")) {
                for (int i = 0; i < 5; i++) {
                    logger(other).info("echo");
                }
            }
            return batch.size();
        };
        GatewayLogBackend backend = start(sink, "buffer.size", "1", "buffer.max", "3");
        self.set(backend);
        Thread a = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                backend.logger(LogComponent.API, "app").info("api " + i);
            }
        });
        Thread b = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                backend.logger(LogComponent.INFRA, "app").info("infra " + i);
            }
        });
        a.start();
        b.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !a.isAlive() && !b.isAlive());
        assertThat(backend.flush(Duration.ofSeconds(20))).isTrue();
        assertThat(sink.messages().stream().filter(m -> m.startsWith("api "))).hasSize(100);
        assertThat(sink.messages().stream().filter(m -> m.startsWith("infra "))).hasSize(100);
        // Each flush can leave echoes the other component's sink logged meanwhile: wait until they settle.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> settled(stats(backend, LogComponent.API)) && settled(stats(backend, LogComponent.INFRA)));
    }

    @Test
    void authReenteredUnderItsLockIsWrittenRightAfterTheRecordBeingWritten() {
        ScriptedSink sink = new ScriptedSink("audit", LogComponent.AUTH);
        sink.script = (batch, call) -> {
            if (batch.get(0).message().startsWith("login")) {
                logger(LogComponent.AUTH).info("sink noticed " + batch.get(0).message());
            }
            return batch.size();
        };
        GatewayLogBackend backend = start(sink);
        self.set(backend);
        GatewayLogger auth = backend.logger(LogComponent.AUTH, "login");
        auth.info("login 1");
        auth.info("login 2");
        assertThat(sink.messages())
                .containsExactly("login 1", "sink noticed login 1", "login 2", "sink noticed login 2");
        ComponentStatistics s = stats(backend, LogComponent.AUTH);
        assertThat(s.written()).isEqualTo(4);
        assertThat(settled(s)).isTrue();
    }

    @Test
    void authReenteredWithoutEndIsCountedNotLooped() {
        ScriptedSink sink = new ScriptedSink("looping", LogComponent.AUTH);
        sink.script = (batch, call) -> {
            logger(LogComponent.AUTH).info("again"); // every write logs one more: a loop without the guard
            return batch.size();
        };
        GatewayLogBackend backend = start(sink);
        self.set(backend);
        backend.logger(LogComponent.AUTH, "login").info("login");
        // The deferred record is written; what it logs in turn is counted, not written (no loop).
        assertThat(sink.messages()).containsExactly("login", "again");
        ComponentStatistics s = stats(backend, LogComponent.AUTH);
        assertThat(s.dropped().get("reentrant")).isPositive();
        assertThat(settled(s)).isTrue();
    }

    @Test
    void anAuthSinkLoggingIntoAFullBufferedComponentNeverWaits() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        ScriptedSink apiSink = new ScriptedSink("api", LogComponent.API);
        apiSink.script = (batch, call) -> {
            entered.countDown();
            release.await();
            return batch.size();
        };
        ScriptedSink authSink = new ScriptedSink("auth", LogComponent.AUTH);
        authSink.script = (batch, call) -> {
            logger(LogComponent.API).info("auth sink says hello");
            return batch.size();
        };
        GatewayLogBackend backend = start(builder(apiSink, authSink)
                .setting("component.api.buffer.size", "1")
                .setting("component.api.buffer.max", "1"));
        self.set(backend);
        backend.logger(LogComponent.API, "app").info("fills the writer");
        entered.await();
        backend.logger(LogComponent.API, "app").info("fills the buffer");
        backend.logger(LogComponent.AUTH, "login").info("login"); // its sink logs into the full api buffer
        assertThat(authSink.messages()).containsExactly("login");
        assertThat(stats(backend, LogComponent.API).dropped()).containsEntry("reentrant", 1L);
        release.countDown();
        assertThat(backend.flush(Duration.ofSeconds(10))).isTrue();
    }
}
