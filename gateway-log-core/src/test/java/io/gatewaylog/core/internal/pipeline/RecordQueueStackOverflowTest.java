package io.gatewaylog.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A log call made with almost no stack left (a {@code catch (StackOverflowError e)} that logs, deep in a
 * recursion) may overflow between claiming a slot and publishing the record into it. The slot then stays
 * claimed forever: every drain stops at it, so nothing behind it is ever written, and a caller evicting the
 * oldest spins on it while holding the take lock (the lock-based queue before it failed this test worse: its
 * lock stayed held). {@link StackProbe} makes the overflow happen before the claim.
 */
class RecordQueueStackOverflowTest {
    private static final LogRecord R =
            LogRecord.builder(Level.INFO, LogComponent.API, "t").message("m").build();

    /** Recurses until the stack overflows, then offers a record at every depth on the way back. */
    private static void recurse(RecordQueue q, AtomicInteger overflowedOffers) {
        try {
            recurse(q, overflowedOffers);
        } catch (StackOverflowError e) {
            try {
                q.offer(R, 10);
            } catch (StackOverflowError inOffer) {
                overflowedOffers.incrementAndGet(); // the log call failed: fine, if it left nothing behind
            }
            throw e;
        }
    }

    @Test
    void aLogCallThatOverflowsTheStackLeavesNoSlotClaimedForever() throws Exception {
        RecordQueue q = new RecordQueue(1_000_000, 1L << 40);
        AtomicInteger overflowedOffers = new AtomicInteger();
        Thread t = new Thread(
                null,
                () -> {
                    try {
                        recurse(q, overflowedOffers);
                    } catch (StackOverflowError expected) {
                        // unwound to the top
                    }
                },
                "deep",
                256 * 1024);
        t.start();
        t.join();
        List<LogRecord> out = new ArrayList<>();
        q.drainTo(out, Integer.MAX_VALUE);
        assertThat(q.size())
                .as(
                        "records left in the queue after a full drain (%d offers overflowed, %d records drained)",
                        overflowedOffers.get(), out.size())
                .isZero();
    }
}
