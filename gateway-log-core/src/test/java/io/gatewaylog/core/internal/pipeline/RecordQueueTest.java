package io.gatewaylog.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.internal.ApiAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The byte estimate and the queue's two bounds, counted by the estimate. */
class RecordQueueTest {
    private static final String STACK = "x".repeat(100 * 1024);

    private static LogRecord big() {
        return ApiAccess.error(
                        LogRecord.builder(Level.ERROR, LogComponent.API, "t").message("failed"),
                        ApiAccess.errorInfo("java.lang.IllegalStateException", "boom", STACK))
                .build();
    }

    private static LogRecord small() {
        return LogRecord.builder(Level.INFO, LogComponent.API, "t")
                .message("Processing request")
                .fields(Fields.of("request_id", "123", "endpoint", "/api/v1/messages", "count", 3))
                .build();
    }

    @Test
    void theEstimateFollowsWhatARecordKeepsAlive() {
        assertThat(RecordSize.estimate(big())).isBetween(100 * 1024, 110 * 1024);
        assertThat(RecordSize.estimate(small())).isBetween(200, 1024);
        LogRecord bigField = LogRecord.builder(Level.INFO, LogComponent.API, "t")
                .fields(Map.of("body", "y".repeat(50_000), "list", List.of("a".repeat(1000), "b".repeat(1000))))
                .build();
        assertThat(RecordSize.estimate(bigField)).isBetween(52_000, 60_000);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add("item-" + i);
        }
        LogRecord sampled = LogRecord.builder(Level.INFO, LogComponent.API, "t")
                .fields(Map.of("many", many))
                .build();
        assertThat(RecordSize.estimate(sampled))
                .as("the rest counted at the sample's average")
                .isGreaterThan(400_000);
    }

    @Test
    void theEstimateNeverThrowsAndNeverCallsToString() {
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new AssertionError("never called");
            }
        };
        List<Object> broken = new ArrayList<>() {
            @Override
            public java.util.Iterator<Object> iterator() {
                throw new StackOverflowError("simulated");
            }

            @Override
            public int size() {
                return 3;
            }
        };
        LogRecord r = LogRecord.builder(Level.INFO, LogComponent.API, "t")
                .fields(Fields.of("hostile", hostile, "broken", broken))
                .build();
        assertThat(RecordSize.estimate(r)).isPositive();
    }

    @Test
    void theQueueStopsAtTheByteBoundBeforeTheRecordBound() {
        long maxBytes = 1L << 20;
        RecordQueue q = new RecordQueue(50_000, maxBytes);
        LogRecord big = big();
        int size = RecordSize.estimate(big);
        int taken = 0;
        while (q.offer(big, size)) {
            taken++;
        }
        assertThat(q.bytes()).isLessThanOrEqualTo(maxBytes);
        assertThat(taken).isEqualTo((int) (maxBytes / size));
        List<LogRecord> out = new ArrayList<>();
        assertThat(q.drainTo(out, 3)).isEqualTo(3);
        assertThat(q.bytes()).isEqualTo((long) (taken - 3) * size);
        assertThat(q.offer(big, size)).isTrue(); // room again
    }

    @Test
    void aRecordLargerThanTheWholeBoundIsTakenWhenTheQueueIsEmpty() {
        RecordQueue q = new RecordQueue(10, 64 << 10);
        LogRecord big = big();
        assertThat(q.offer(big, RecordSize.estimate(big))).isTrue();
        assertThat(q.offer(small(), RecordSize.estimate(small()))).isFalse();
        assertThat(q.offerEvictingOldest(small(), RecordSize.estimate(small()))).isEqualTo(1);
        assertThat(q.size()).isEqualTo(1);
    }

    @Test
    void aClosedQueueRefusesAndReportsWhatItHeld() {
        RecordQueue q = new RecordQueue(10, 1 << 20);
        q.offer(small(), 100);
        q.offer(small(), 100);
        assertThat(q.closeAndClear()).isEqualTo(2);
        assertThat(q.offer(small(), 100)).isFalse();
        assertThat(q.offerEvictingOldest(small(), 100)).isEqualTo(-1);
        assertThat(q.bytes()).isZero();
    }
}
