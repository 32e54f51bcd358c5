package io.gatewaylog.core.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.core.GatewayLogBackend;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Errors on the writer thread, a writer thread killed, a sink taking part of a batch, truthful results. */
@Timeout(120)
class WriterFaultsTest extends Backends {
    private static final LogComponent API = LogComponent.API;

    static Stream<Supplier<Throwable>> errors() {
        return Stream.of(
                AssertionError::new,
                StackOverflowError::new,
                () -> new OutOfMemoryError("simulated"),
                () -> new LinkageError("simulated"),
                () -> new NoClassDefFoundError("simulated"),
                () -> new ExceptionInInitializerError("simulated"),
                () -> new InternalError("simulated"),
                () -> new Error("custom"),
                () -> new IllegalStateException("runtime"));
    }

    private static List<String> messages(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    @ParameterizedTest
    @MethodSource("errors")
    void anErrorThrownByASinkLosesNothingAndTheWriterGoesOn(Supplier<Throwable> error) {
        ScriptedSink sink = new ScriptedSink("erring", API);
        sink.script = (batch, call) -> {
            if (call <= 2) {
                Throwable t = error.get();
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            }
            return batch.size();
        };
        GatewayLogBackend backend = start(sink, "component.api.buffer.size", "4");
        GatewayLogger log = backend.logger(API, "e");
        messages("r", 20).forEach(log::info);
        assertThat(backend.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(sink.messages()).containsExactlyElementsOf(messages("r", 20));
        ComponentStatistics s = stats(backend, API);
        assertThat(s.written()).isEqualTo(20);
        assertThat(s.droppedTotal()).isZero();
        assertThat(s.sinkErrors()).isPositive();
        log.info("after");
        assertThat(backend.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(sink.messages()).endsWith("after");
    }

    @Test
    void aSinkThatTakesHalfABatchGetsOnlyTheRestAgainInOrder() {
        ScriptedSink sink = new ScriptedSink("half", API);
        sink.script = (batch, call) -> call % 2 == 1 ? batch.size() / 2 : batch.size();
        GatewayLogBackend backend = start(sink, "component.api.buffer.size", "10");
        GatewayLogger log = backend.logger(API, "h");
        messages("p", 95).forEach(log::info);
        assertThat(backend.flush(Duration.ofSeconds(20))).isTrue();
        assertThat(sink.messages()).containsExactlyElementsOf(messages("p", 95));
        ComponentStatistics s = stats(backend, API);
        assertThat(s.written()).isEqualTo(95);
        assertThat(s.droppedTotal()).isZero();
    }

    @Test
    void flushIsFalseWhileAFailingSinkStillOwesRecords() {
        AtomicBoolean failing = new AtomicBoolean(true);
        ScriptedSink sink = new ScriptedSink("flaky", API);
        sink.script = (batch, call) -> {
            if (failing.get()) {
                throw new IOException("disk full (test)");
            }
            return batch.size();
        };
        GatewayLogBackend backend = start(sink);
        GatewayLogger log = backend.logger(API, "f");
        messages("b", 10).forEach(log::info);
        assertThat(backend.flush(Duration.ofMillis(600))).isFalse();
        ComponentStatistics s = stats(backend, API);
        assertThat(s.accepted()).isEqualTo(10);
        assertThat(s.written()).as("nothing was taken").isZero();
        assertThat(s.droppedTotal()).isZero();
        failing.set(false);
        assertThat(backend.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(s.written()).isEqualTo(10);
        assertThat(sink.messages()).containsExactlyElementsOf(messages("b", 10));
    }

    @Test
    void writtenMeansTakenByEverySinkOfTheComponent() {
        AtomicBoolean failing = new AtomicBoolean(true);
        ScriptedSink good = new ScriptedSink("good", API);
        ScriptedSink bad = new ScriptedSink("bad", API);
        bad.script = (batch, call) -> {
            if (failing.get()) {
                throw new IOException("down (test)");
            }
            return batch.size();
        };
        GatewayLogBackend backend = start(builder(good, bad));
        GatewayLogger log = backend.logger(API, "w");
        messages("w", 10).forEach(log::info);
        await().atMost(Duration.ofSeconds(10)).until(() -> good.messages().size() == 10);
        ComponentStatistics s = stats(backend, API);
        assertThat(s.written()).as("one of two sinks has them").isZero();
        failing.set(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> s.written() == 10);
        assertThat(bad.messages()).containsExactlyElementsOf(messages("w", 10));
        assertThat(good.messages()).containsExactlyElementsOf(messages("w", 10));
        assertThat(s.droppedTotal()).isZero();
    }

    @Test
    void aRecordGivenUpByOneSinkIsCountedOnceAsDropped() {
        ScriptedSink good = new ScriptedSink("good", API);
        ScriptedSink bad = new ScriptedSink("bad", API);
        bad.script = (batch, call) -> {
            throw new IOException("down for good (test)");
        };
        GatewayLogBackend backend = start(
                builder(good, bad).setting("component.api.buffer.size", "5").setting("component.api.buffer.max", "10"));
        GatewayLogger log = backend.logger(API, "d");
        messages("d", 40).forEach(log::info);
        await().atMost(Duration.ofSeconds(10)).until(() -> good.messages().size() == 40);
        ComponentStatistics s = stats(backend, API);
        // The bad sink's backlog keeps at most the newest 10 (whole batches); what it gave up is dropped, once each.
        await().atMost(Duration.ofSeconds(10)).until(() -> s.dropped().get("sink_failure") >= 30);
        assertThat(s.written()).isZero();
        assertThat(backend.shutdown(Duration.ofSeconds(5)))
                .as("the backlog was given up at shutdown")
                .isFalse();
        assertThat(s.dropped()).containsEntry("sink_failure", 40L);
        assertThat(s.written()).isZero();
        assertThat(settled(s)).isTrue();
        assertThat(bad.closed).isTrue();
    }

    @Test
    void aComponentNoSinkAcceptsCountsItsRecordsAsDropped() {
        GatewayLogBackend backend = start(new ScriptedSink("api-only", API));
        GatewayLogger log = backend.logger(LogComponent.INFRA, "n");
        log.info("nowhere");
        log.info("nowhere either");
        assertThat(backend.flush(Duration.ofSeconds(5))).isTrue();
        ComponentStatistics s = stats(backend, LogComponent.INFRA);
        assertThat(s.dropped()).containsEntry("no_sink", 2L);
        assertThat(s.written()).isZero();
        assertThat(diagnostics()).containsOnlyOnce("no sink accepts component infra");
    }

    @Test
    void aSinkIsNeverClosedUnderAWriterThatDidNotStop() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        Semaphore release = new Semaphore(0);
        ScriptedSink stuck = new ScriptedSink("stuck", API);
        stuck.script = (batch, call) -> {
            entered.countDown();
            release.acquireUninterruptibly();
            return batch.size();
        };
        GatewayLogBackend backend = start(stuck);
        backend.logger(API, "s").info("never finishes");
        entered.await();
        assertThat(backend.shutdown(Duration.ofMillis(300))).isFalse();
        assertThat(stuck.closed).isFalse();
        assertThat(diagnostics()).contains("sink 'stuck' is not closed");
        release.release(100);
    }

    @Test
    void aKilledWriterIsRestartedAndNothingIsLost() throws Exception {
        assumeTrue(Runtime.version().feature() < 20, "Thread.stop works up to Java 19");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        ScriptedSink sink = new ScriptedSink("victim", API);
        sink.script = (batch, call) -> {
            if (call == 1) {
                entered.countDown();
                never.await(); // the writer is killed in here
            }
            return batch.size();
        };
        GatewayLogBackend backend = start(sink, "component.api.buffer.size", "5", "component.api.buffer.max", "10");
        GatewayLogger log = backend.logger(API, "k");
        log.info("k0");
        entered.await();
        // Callers blocked on the full buffer while the writer dies must not wait for ever.
        Thread callers = new Thread(() -> messages("k", 40).stream().skip(1).forEach(log::info));
        callers.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> stats(backend, API).buffered() == 10);
        kill(writerThread("api"));
        callers.join();
        assertThat(backend.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(sink.messages()).containsExactlyElementsOf(messages("k", 40));
        ComponentStatistics s = stats(backend, API);
        assertThat(s.written()).isEqualTo(40);
        assertThat(s.droppedTotal()).isZero();
        assertThat(diagnostics()).contains("the writer thread of component api died; restarted");
    }

    @Test
    void aWriterThatKeepsDyingIsGivenUpAndBlockedCallersGetACountedDrop() throws Exception {
        assumeTrue(Runtime.version().feature() < 20, "Thread.stop works up to Java 19");
        Semaphore entered = new Semaphore(0);
        CountDownLatch never = new CountDownLatch(1);
        ScriptedSink sink = new ScriptedSink("doomed", API);
        sink.script = (batch, call) -> {
            entered.release();
            never.await();
            return batch.size();
        };
        GatewayLogBackend backend = start(sink, "component.api.buffer.size", "1", "component.api.buffer.max", "5");
        GatewayLogger log = backend.logger(API, "k");
        log.info("first");
        Thread callers = new Thread(() -> messages("c", 30).forEach(log::info));
        callers.start();
        for (int i = 0; i <= 10; i++) { // the first writer and its ten restarts
            entered.acquire();
            kill(writerThread("api"));
        }
        callers.join(); // returns: the last callers got a counted drop instead of waiting for ever
        ComponentStatistics s = stats(backend, API);
        await().atMost(Duration.ofSeconds(10)).until(() -> settled(s));
        assertThat(s.dropped().get("writer_failure")).isPositive();
        assertThat(s.accepted()).isEqualTo(31);
        assertThat(diagnostics()).contains("died too often");
        assertThat(backend.flush(Duration.ofSeconds(1))).isFalse();
    }

    private static Thread writerThread(String component) {
        String name = "gateway-log-writer-" + component;
        List<Thread> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            found.clear();
            Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals(name) && t.isAlive())
                    .forEach(found::add);
            return found.size() == 1;
        });
        return found.get(0);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void kill(Thread t) throws InterruptedException {
        t.stop();
        t.join();
    }
}
