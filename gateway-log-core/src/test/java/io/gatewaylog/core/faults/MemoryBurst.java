package io.gatewaylog.core.faults;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.core.GatewayLogBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM with a small heap by {@link MemoryBoundTest}: a burst of 50,000 records, each with
 * a 100 KB stack trace, logged while the sink is stuck, then the sink released. Prints one line of
 * {@code key=value} figures.
 *
 * <p>Arguments: {@code buffer.max.bytes} to use.
 */
public final class MemoryBurst {
    static final int RECORDS = 50_000;
    static final int STACK_CHARS = 100 * 1024;

    /** A throwable whose printed stack is 100 KB, as a deep one from a framework is. */
    static final class DeepTrace extends RuntimeException {
        private static final StackTraceElement[] FRAMES = frames();

        DeepTrace() {
            super("deep", null, false, true);
            setStackTrace(FRAMES);
        }

        private static StackTraceElement[] frames() {
            java.util.List<StackTraceElement> frames = new java.util.ArrayList<>();
            int chars = 0;
            for (int i = 0; chars < STACK_CHARS; i++) {
                StackTraceElement e = new StackTraceElement(
                        "com.example.framework.layer" + (i % 97) + ".Handler", "invoke", "Handler.java", i);
                frames.add(e);
                chars += e.toString().length() + 5; // "\tat " ... "\n"
            }
            return frames.toArray(new StackTraceElement[0]);
        }
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        LogSink stuck = new LogSink() {
            @Override
            public String name() {
                return "stuck";
            }

            @Override
            public boolean accepts(LogComponent c) {
                return c == LogComponent.API;
            }

            @Override
            public int write(List<LogRecord> batch) throws java.io.IOException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new java.io.IOException(e);
                }
                return batch.size();
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        GatewayLogBackend backend = GatewayLogBackend.builder()
                .discoverSinks(false)
                .bindGlobalContext(false)
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("retention.enabled", "false")
                .setting("component.api.buffer.size", "1000")
                .setting("component.api.buffer.max", "50000")
                .setting("component.api.buffer.max.bytes", args[0])
                .setting("component.api.overflow", "drop-newest")
                // the stack is the point here, not the sanitizer's speed on 5 GB of text
                .setting("component.api.sanitize.enabled", "false")
                .sink(stuck)
                .build();
        GatewayLogger log = backend.logger(LogComponent.API, "burst");
        DeepTrace trace = new DeepTrace();
        int logged = 0;
        try {
            for (; logged < RECORDS; logged++) {
                log.error("request failed", Map.of("request_id", "r-" + logged), trace);
            }
        } catch (OutOfMemoryError e) {
            System.out.println("oom=true logged=" + logged);
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
        System.gc();
        System.gc();
        // Heap in use after full collections: what the burst keeps alive (java.management is not
        // readable from the core's test module, and Runtime says the same for the whole heap).
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        ComponentStatistics s = backend.statistics().component(LogComponent.API);
        long buffered = s.buffered();
        long bufferedBytes = s.bufferedBytes();
        long overflow = s.dropped().get("overflow");
        release.countDown();
        boolean flushed = backend.flush(Duration.ofSeconds(60));
        System.out.println("oom=false logged=" + logged + " heapUsedAfterBurst=" + heap + " buffered=" + buffered
                + " bufferedBytes=" + bufferedBytes + " droppedOverflow=" + overflow + " flushed=" + flushed
                + " accepted=" + s.accepted() + " written=" + s.written() + " droppedTotal=" + s.droppedTotal()
                + " maxHeap=" + Runtime.getRuntime().maxMemory());
        backend.shutdown(Duration.ofSeconds(10));
    }
}
