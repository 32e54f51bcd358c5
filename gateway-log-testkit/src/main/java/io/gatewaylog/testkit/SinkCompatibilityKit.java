package io.gatewaylog.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.core.GatewayLogBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every sink must show, run through a real backend, including the {@code write}
 * contract: a sink answers how many leading records of a batch it took, and when it takes only part
 * (or none), it is given the rest again, in order, and must deliver each record exactly once. A sink
 * module adds a small subclass
 * that says how to start its sink (as a {@link GatewayLogBackend} with settings) and how to read back
 * the messages it delivered:
 * <pre>{@code
 * class FileSinkCompatibilityTest extends SinkCompatibilityKit {
 *     protected Map<String, String> settings() { return Map.of("dir", tempDir.toString()); }
 *     protected List<String> deliveredMessages(LogComponent c) { ... read the files back ... }
 * }
 * }</pre>
 *
 * @since 1.0
 */
public abstract class SinkCompatibilityKit {
    private GatewayLogBackend backend;

    /** For subclasses: one per sink under test. */
    protected SinkCompatibilityKit() {}

    /** Settings that make the backend start the sink under test (it is found with ServiceLoader). */
    protected abstract Map<String, String> settings();

    /** The messages the sink delivered for {@code component}, in delivery order (after a flush). */
    protected abstract List<String> deliveredMessages(LogComponent component) throws Exception;

    /** The components the sink is expected to deliver with {@link #settings()}. */
    protected List<LogComponent> components() {
        return List.of(LogComponent.values());
    }

    /** The name of the sink under test, as its provider gives it. */
    protected abstract String sinkName();

    /** The backend under test, started on first use (by whichever thread comes first). */
    protected final synchronized GatewayLogBackend backend() {
        if (backend == null) {
            backend = start(UnaryOperator.identity());
        }
        return backend;
    }

    /** Starts the backend with the sink under test replaced by {@code wrap} of it (for the contract cases). */
    private synchronized GatewayLogBackend backendWrapping(UnaryOperator<LogSink> wrap) {
        if (backend != null) {
            throw new IllegalStateException("the backend is already started");
        }
        backend = start(sink -> sink.name().equals(sinkName()) ? wrap.apply(sink) : sink);
        return backend;
    }

    private GatewayLogBackend start(UnaryOperator<LogSink> customizer) {
        return GatewayLogBackend.builder()
                .bindGlobalContext(false)
                .settings(settings())
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .sinkCustomizer(customizer)
                .build();
    }

    @AfterEach
    void stopBackend() {
        if (backend != null) {
            backend.shutdown(Duration.ofSeconds(10));
        }
    }

    private LogSink sinkUnderTest() {
        return backend().sinks().stream()
                .filter(s -> s.name().equals(sinkName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("sink '" + sinkName() + "' was not started; sinks: "
                        + backend().sinks().stream().map(LogSink::name).toList()));
    }

    @Test
    void isDiscoveredAndNamed() {
        assertThat(sinkUnderTest().name()).isNotBlank();
        assertThat(sinkUnderTest().measurements()).isNotNull();
    }

    @Test
    void deliversEveryRecordInOrderPerComponent() throws Exception {
        for (LogComponent c : components()) {
            GatewayLogger log = backend().logger(c, "kit");
            for (int i = 0; i < 50; i++) {
                log.info("kit-" + c.id() + "-" + i, Map.of("i", i));
            }
        }
        assertThat(backend().flush(Duration.ofSeconds(10))).isTrue();
        for (LogComponent c : components()) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                expected.add("kit-" + c.id() + "-" + i);
            }
            List<String> got = deliveredMessages(c).stream()
                    .filter(m -> m.startsWith("kit-"))
                    .toList();
            assertThat(got).as("component " + c.id()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void survivesHostileContent() throws Exception {
        LogComponent c = components().get(0);
        GatewayLogger log = backend().logger(c, "kit");
        Object throwingToString = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("toString failed");
            }
        };
        log.info("kit-huge " + "x".repeat(200_000));
        log.info("kit-lines\r\nforged: line\u0000\u001b[31m");
        log.info("kit-surrogate \uD800 \uDFFF end", Map.of("evil", throwingToString));
        log.info("kit-unicode ünïcødé 日本語 🚀");
        log.info(null);
        assertThat(backend().flush(Duration.ofSeconds(10))).isTrue();
        List<String> got = deliveredMessages(c).stream()
                .filter(m -> m != null && m.startsWith("kit-"))
                .toList();
        // Four records, not five: the CR/LF inside a message cannot forge a record of its own.
        assertThat(got).hasSize(4);
        assertThat(got.get(1)).contains("forged");
        assertThat(got.get(3)).contains("ünïcødé 日本語 🚀");
        assertThat(backend().statistics().component(c).sinkErrors()).isZero();
    }

    @Test
    void componentsWriteConcurrently() throws Exception {
        backend();
        List<Thread> threads = new ArrayList<>();
        for (LogComponent c : components()) {
            Thread t = new Thread(() -> {
                GatewayLogger log = backend().logger(c, "kit");
                for (int i = 0; i < 500; i++) {
                    log.info("kit-c-" + i);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(backend().flush(Duration.ofSeconds(20))).isTrue();
        for (LogComponent c : components()) {
            assertThat(deliveredMessages(c).stream().filter(m -> m.startsWith("kit-c-")))
                    .as(c.id())
                    .hasSize(500);
        }
    }

    @Test
    void shutdownFlushesAndCloses() throws Exception {
        LogComponent c = components().get(0);
        backend().logger(c, "kit").info("kit-last");
        assertThat(backend().shutdown(Duration.ofSeconds(10))).isTrue();
        assertThat(deliveredMessages(c)).contains("kit-last");
    }

    private void logAndCheckEveryComponent(String prefix, int n) throws Exception {
        for (LogComponent c : components()) {
            GatewayLogger log = backend().logger(c, "kit");
            for (int i = 0; i < n; i++) {
                log.info(prefix + c.id() + "-" + i);
            }
        }
        assertThat(backend().flush(Duration.ofSeconds(30)))
                .as("flush: every record taken")
                .isTrue();
        for (LogComponent c : components()) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(prefix + c.id() + "-" + i);
            }
            List<String> got = deliveredMessages(c).stream()
                    .filter(m -> m != null && m.startsWith(prefix))
                    .toList();
            assertThat(got)
                    .as("component " + c.id() + ": each record once, in order")
                    .containsExactlyElementsOf(expected);
            ComponentStatistics s = backend().statistics().component(c);
            assertThat(s.written()).as("written " + c.id()).isEqualTo(s.accepted());
        }
    }

    @Test
    void writeAnswersHowManyLeadingRecordsItTook() throws Exception {
        List<PartialSink> wrappers = new CopyOnWriteArrayList<>();
        backendWrapping(sink -> {
            PartialSink p = new PartialSink(sink, (size, call) -> size);
            wrappers.add(p);
            return p;
        });
        logAndCheckEveryComponent("kit-answer-", 30);
        assertThat(wrappers).hasSize(1);
        assertThat(wrappers.get(0).answers)
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a[1])
                        .as("a healthy sink takes the whole batch it is given")
                        .isEqualTo(a[0]));
    }

    @Test
    void aSinkThatTakesPartOfABatchGetsOnlyTheRestAgainInOrderWithoutDuplicates() throws Exception {
        backendWrapping(sink -> new PartialSink(sink, (size, call) -> call % 2 == 1 ? size / 2 : size));
        logAndCheckEveryComponent("kit-half-", 40);
    }

    @Test
    void aSinkThatTakesNoneOfABatchGetsItAllAgain() throws Exception {
        backendWrapping(sink -> new PartialSink(sink, (size, call) -> call % 3 == 1 ? 0 : size));
        logAndCheckEveryComponent("kit-none-", 20);
    }
}
