package io.gatewaylog.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.internal.PrintingReporter;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.core.internal.config.ComponentConfig;
import io.gatewaylog.core.internal.config.LayeredSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/**
 * A caller that has claimed a slot but not yet published its record (it is between two instructions, or
 * descheduled there) stops the writer's drain at that slot. A record published behind it was accepted: a
 * flush asked for after it must not report done while that record is still queued.
 */
class FlushBehindClaimedSlotTest {
    private final List<LogRecord> written = new CopyOnWriteArrayList<>();

    private final LogSink sink = new LogSink() {
        @Override
        public String name() {
            return "collecting";
        }

        @Override
        public int write(List<LogRecord> batch) {
            written.addAll(batch);
            return batch.size();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private static LogRecord record(String message) {
        return LogRecord.builder(Level.INFO, LogComponent.API, "t")
                .message(message)
                .build();
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }

    @Test
    void aFlushWaitsForARecordQueuedBehindASlotNotYetPublished() throws Exception {
        ComponentConfig config = ComponentConfig.parse(LayeredSettings.load(Map.of()), LogComponent.API);
        PrintingReporter reporter =
                new PrintingReporter(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Pipeline pipeline = Pipelines.create(config, List.of(sink), r -> r, List.of(), reporter);
        try {
            RecordQueue queue = (RecordQueue) field(pipeline, "queue");
            // a caller claims slot 0 (bytes reserved, tail moved) and has not published yet
            LogRecord slow = record("slow");
            int slowSize = RecordSize.estimate(slow);
            ((AtomicLong) field(queue, "bytes")).addAndGet(slowSize);
            ((AtomicLong) field(queue, "tail")).incrementAndGet();

            LogRecord accepted = record("accepted");
            pipeline.submit(accepted); // published into slot 1: accepted before the flush below

            boolean done = pipeline.flush(Duration.ofMillis(300));
            assertThat(!done || written.contains(accepted))
                    .as("flush reported done while an accepted record was still queued")
                    .isTrue();

            // the slow caller publishes: both records are written and the flush completes
            ((int[]) field(queue, "sizes"))[0] = slowSize;
            @SuppressWarnings("unchecked")
            AtomicReferenceArray<LogRecord> slots = (AtomicReferenceArray<LogRecord>) field(queue, "slots");
            slots.set(0, slow);
            assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(written).containsExactly(slow, accepted);
        } finally {
            pipeline.beginShutdown();
            pipeline.awaitShutdown(System.nanoTime() + Duration.ofSeconds(5).toNanos());
        }
    }
}
