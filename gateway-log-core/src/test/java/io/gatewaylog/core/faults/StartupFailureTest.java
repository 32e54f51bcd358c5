package io.gatewaylog.core.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LogSinkProvider;
import io.gatewaylog.api.spi.SinkContext;
import io.gatewaylog.core.GatewayLogBackend;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start-up that fails part-way (an invalid setting in the third sink) closes what it started: the
 * first two sinks (each holding a file lock, an open file and a thread), the writer threads; and a
 * corrected retry in the same JVM starts.
 */
class StartupFailureTest extends Backends {
    @TempDir
    Path dir;

    private final List<HoldingSink> created = new CopyOnWriteArrayList<>();

    /** A sink that holds what a real file sink holds: a lock on its directory, an open file, a thread. */
    final class HoldingSink implements LogSink {
        final String name;
        final FileChannel channel;
        final FileLock lock;
        final Thread worker;
        volatile boolean closed;
        final List<String> written = new CopyOnWriteArrayList<>();

        HoldingSink(String name) throws IOException {
            this.name = name;
            this.channel =
                    FileChannel.open(dir.resolve(name + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            this.lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("lock held");
            }
            this.worker = new Thread(
                    () -> {
                        while (!closed) {
                            try {
                                Thread.sleep(10);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "holding-sink-" + name);
            worker.start();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int write(List<LogRecord> batch) {
            batch.forEach(r -> written.add(r.message()));
            return batch.size();
        }

        @Override
        public void flush() {}

        @Override
        public void close() throws IOException {
            closed = true;
            lock.release();
            channel.close();
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private LogSinkProvider holding(String name) {
        return new LogSinkProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public LogSink create(SinkContext context) {
                // The provider's own setting, validated like a real sink's.
                String mode = context.settings().getString("sink." + name + ".mode", "ok");
                if (!mode.equals("ok")) {
                    throw new InvalidSettingException("sink." + name + ".mode", mode, "ok");
                }
                try {
                    HoldingSink s = new HoldingSink(name);
                    created.add(s);
                    return s;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private GatewayLogBackend.Builder withThreeSinks() {
        return builder()
                .sinkProvider(holding("first"))
                .sinkProvider(holding("second"))
                .sinkProvider(holding("third"));
    }

    private static Set<String> gatewayThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("gateway-log-") || n.startsWith("holding-sink-"))
                .collect(Collectors.toSet());
    }

    @Test
    void anInvalidSettingInTheThirdSinkClosesTheFirstTwoAndARetryWorks() throws Exception {
        Set<String> before = gatewayThreads();
        assertThatThrownBy(() ->
                        withThreeSinks().setting("sink.third.mode", "bogus").build())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("sink.third.mode")
                .hasMessageContaining("bogus");
        assertThat(created).extracting(s -> s.name).containsExactly("first", "second");
        for (HoldingSink s : created) {
            assertThat(s.closed).as(s.name + " closed").isTrue();
            assertThat(s.channel.isOpen()).isFalse();
            assertThat(s.worker.isAlive()).isFalse();
        }
        assertThat(gatewayThreads()).as("no thread left behind").isSubsetOf(before);

        created.clear();
        GatewayLogBackend backend = start(withThreeSinks().setting("sink.third.mode", "ok"));
        assertThat(created).hasSize(3); // the locks were free again
        backend.logger(LogComponent.API, "retry").info("after the retry");
        assertThat(backend.shutdown(Duration.ofSeconds(5))).isTrue();
        for (HoldingSink s : created) {
            assertThat(s.written).contains("after the retry");
            assertThat(s.closed).isTrue();
        }
    }

    @Test
    void aFailureWhileThePipelinesStartStopsTheirWriterThreadsAndClosesTheSinks() {
        Set<String> before = gatewayThreads();
        LogSink picky = new LogSink() {
            @Override
            public String name() {
                return "picky";
            }

            @Override
            public boolean accepts(LogComponent c) {
                if (c == LogComponent.METRICS) { // the last component: the others' writers have started
                    throw new IllegalStateException("accepts failed (test)");
                }
                return true;
            }

            @Override
            public int write(List<LogRecord> batch) {
                return batch.size();
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> withThreeSinks().sink(picky).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("accepts failed");
        assertThat(created).hasSize(3).allSatisfy(s -> assertThat(s.closed).isTrue());
        assertThat(gatewayThreads())
                .as("the writers that had started are stopped")
                .isSubsetOf(before);
    }

    @Test
    void aBadSanitizerSettingFailsBeforeAnySinkOrThreadStarts() {
        Set<String> before = gatewayThreads();
        assertThatThrownBy(() -> withThreeSinks()
                        .setting("component.metrics.sanitize.patterns.bad", "([")
                        .build())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("sanitize.patterns.bad");
        assertThat(created).isEmpty();
        assertThat(gatewayThreads()).isSubsetOf(before);
    }
}
