package io.gatewaylog.core.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.core.GatewayLogBackend;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Auth ({@code sync=true}) with sinks that fail: bounded waits, honest counts, a retry timer. */
@Timeout(60)
class AuthSyncTest extends Backends {
    private static final LogComponent AUTH = LogComponent.AUTH;

    @Test
    void aSinkFailingForEverCostsEachCallAtMostSyncTimeoutAndCountsTheRecord() {
        ScriptedSink disk = new ScriptedSink("full-disk", AUTH);
        disk.script = (batch, call) -> {
            throw new IOException("No space left on device (test)");
        };
        GatewayLogBackend backend = start(disk, "component.auth.sync.timeout", "200ms");
        GatewayLogger auth = backend.logger(AUTH, "login");
        auth.info("login 1");
        ComponentStatistics s = stats(backend, AUTH);
        // Returned, and not as if written: counted as dropped at once.
        assertThat(s.dropped()).containsEntry("sink_failure", 1L);
        assertThat(s.written()).isZero();
        assertThat(disk.calls()).as("retried while waiting").isGreaterThan(1);
        auth.info("login 2");
        assertThat(s.dropped()).containsEntry("sink_failure", 2L);
        assertThat(settled(s)).isTrue();
        assertThat(diagnostics()).containsOnlyOnce("no sink took it within sync.timeout (200 ms)");
        assertThat(backend.flush(Duration.ofSeconds(1)))
                .as("the given-up records are counted, none owed")
                .isTrue();
    }

    @Test
    void aSinkThatComesBackWithinSyncTimeoutGetsTheRecordBeforeTheCallReturns() {
        ScriptedSink disk = new ScriptedSink("briefly-full", AUTH);
        disk.script = (batch, call) -> {
            if (call <= 3) {
                throw new IOException("No space left on device (test)");
            }
            return batch.size();
        };
        GatewayLogBackend backend = start(disk, "component.auth.sync.timeout", "10s");
        backend.logger(AUTH, "login").info("login");
        assertThat(disk.messages()).containsExactly("login");
        ComponentStatistics s = stats(backend, AUTH);
        assertThat(s.written()).isEqualTo(1);
        assertThat(s.droppedTotal()).isZero();
    }

    @Test
    void whenOneSinkTookItTheOtherIsRetriedByATimerWithoutFurtherCalls() {
        AtomicBoolean down = new AtomicBoolean(true);
        ScriptedSink file = new ScriptedSink("file", AUTH);
        ScriptedSink collector = new ScriptedSink("collector", AUTH);
        collector.script = (batch, call) -> {
            if (down.get()) {
                throw new IOException("collector down (test)");
            }
            return batch.size();
        };
        GatewayLogBackend backend = start(builder(file, collector));
        GatewayLogger auth = backend.logger(AUTH, "login");
        auth.info("login 1");
        auth.info("login 2");
        assertThat(file.messages()).containsExactly("login 1", "login 2");
        ComponentStatistics s = stats(backend, AUTH);
        assertThat(s.written()).as("not yet taken by every sink").isZero();
        assertThat(s.droppedTotal()).isZero();
        assertThat(backend.flush(Duration.ofSeconds(1))).isFalse();
        down.set(false);
        // no auth call from here on: the timer delivers the backlog
        await().atMost(Duration.ofSeconds(10)).until(() -> s.written() == 2);
        assertThat(collector.messages()).containsExactly("login 1", "login 2");
        assertThat(backend.flush(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void shutdownWithAnAuthBacklogReportsTheLossAndCountsIt() {
        ScriptedSink file = new ScriptedSink("file", AUTH);
        ScriptedSink collector = new ScriptedSink("collector", AUTH);
        collector.script = (batch, call) -> {
            throw new IOException("collector down (test)");
        };
        GatewayLogBackend backend = start(builder(file, collector));
        backend.logger(AUTH, "login").info("login");
        assertThat(backend.shutdown(Duration.ofSeconds(5))).isFalse();
        ComponentStatistics s = stats(backend, AUTH);
        assertThat(s.dropped()).containsEntry("sink_failure", 1L);
        assertThat(settled(s)).isTrue();
        assertThat(file.closed).isTrue();
        assertThat(collector.closed).isTrue();
    }

    @Test
    void syncTimeoutIsValidated() {
        Assertions.assertThatThrownBy(() -> start(new ScriptedSink("x"), "component.auth.sync.timeout", "forever"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("component.auth.sync.timeout")
                .hasMessageContaining("forever")
                .hasMessageContaining("duration");
        Assertions.assertThatThrownBy(() -> start(new ScriptedSink("x"), "sync.timeout", "1h"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("sync.timeout")
                .hasMessageContaining("1h")
                .hasMessageContaining("0ms to 10m");
    }
}
