package io.gatewaylog.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Callers put records in without a lock while the writer drains, callers evict and the queue closes: every
 * record a caller was told was taken comes out exactly once (drained, evicted or cleared at closing), and
 * every record refused was refused to its caller; the bounds hold throughout.
 */
class RecordQueueConcurrencyTest {
    private static final int PRODUCERS = 4;

    private static LogRecord record(int id) {
        return LogRecord.builder(Level.INFO, LogComponent.API, "t")
                .message("m")
                .fields(Fields.of("id", id))
                .build();
    }

    private static int id(LogRecord r) {
        return (Integer) r.fields().get("id");
    }

    /** Starts {@code PRODUCERS} threads that each offer {@code perProducer} records with {@code offer}. */
    private static List<Thread> producers(int perProducer, CountDownLatch go, Offer offer) {
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int first = p * perProducer;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    for (int i = first; i < first + perProducer; i++) {
                        offer.offer(i, record(i));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        return threads;
    }

    private interface Offer {
        void offer(int id, LogRecord r) throws InterruptedException;
    }

    @RepeatedTest(5)
    void everyAcceptedRecordIsDrainedOnceAndInOrderPerCaller() throws Exception {
        int perProducer = 50_000;
        RecordQueue q = new RecordQueue(1_000, 1L << 30);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = producers(perProducer, go, (id, r) -> {
            while (!q.offer(r, 100, TimeUnit.MILLISECONDS.toNanos(100))) {
                // full for 100 ms: try again (the writer is draining)
            }
        });
        BitSet seen = new BitSet();
        int[] lastPerProducer = new int[PRODUCERS];
        java.util.Arrays.fill(lastPerProducer, -1);
        List<LogRecord> batch = new ArrayList<>();
        go.countDown();
        int total = PRODUCERS * perProducer;
        int drained = 0;
        while (drained < total) {
            batch.clear();
            drained += q.drainTo(batch, 64);
            for (LogRecord r : batch) {
                int id = id(r);
                assertThat(seen.get(id)).as("record %d drained twice", id).isFalse();
                seen.set(id);
                int producer = id / perProducer;
                assertThat(id).as("order of one caller's records").isGreaterThan(lastPerProducer[producer]);
                lastPerProducer[producer] = id;
            }
            assertThat(q.size()).isBetween(0, 1_000);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(seen.cardinality()).isEqualTo(total);
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.bytes()).isZero();
    }

    @RepeatedTest(10)
    void closingWhileCallersOfferStrandsNothing() throws Exception {
        int perProducer = 20_000;
        RecordQueue q = new RecordQueue(512, 1L << 30);
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = producers(perProducer, go, (id, r) -> {
            if (q.offer(r, 100)) {
                accepted.incrementAndGet();
            } else {
                refused.incrementAndGet();
            }
        });
        go.countDown();
        List<LogRecord> batch = new ArrayList<>();
        long drained = 0;
        while (drained < 10_000 && threads.stream().anyMatch(Thread::isAlive)) {
            drained += q.drainTo(batch, 100); // close while the callers are still offering
        }
        int cleared = q.closeAndClear();
        for (Thread t : threads) {
            t.join();
        }
        drained += q.drainTo(batch, Integer.MAX_VALUE);
        assertThat(accepted.get() + refused.get()).isEqualTo((long) PRODUCERS * perProducer);
        assertThat(drained + cleared)
                .as("drained + cleared at closing = accepted")
                .isEqualTo(accepted.get());
        assertThat(q.offer(record(-1), 100)).isFalse();
        assertThat(q.size()).isZero();
        assertThat(q.bytes()).isZero();
    }

    @Test
    void callersEvictingTheOldestWhileTheWriterDrainsLoseCountOfNothing() throws Exception {
        int perProducer = 50_000;
        RecordQueue q = new RecordQueue(100, 1L << 30);
        AtomicLong evicted = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = producers(perProducer, go, (id, r) -> {
            if (!q.offer(r, 100)) {
                evicted.addAndGet(q.offerEvictingOldest(r, 100));
            }
        });
        go.countDown();
        List<LogRecord> batch = new ArrayList<>();
        long drained = 0;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            drained += q.drainTo(batch, 10);
            batch.clear();
            assertThat(q.size()).isBetween(0, 100);
        }
        drained += q.drainTo(batch, Integer.MAX_VALUE);
        assertThat(drained + evicted.get()).isEqualTo((long) PRODUCERS * perProducer);
        assertThat(q.bytes()).isZero();
    }

    @Test
    void theByteBoundHoldsUnderConcurrentOffers() throws Exception {
        long maxBytes = 10_000;
        RecordQueue q = new RecordQueue(100_000, maxBytes);
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = producers(10_000, go, (id, r) -> {
            if (q.offer(r, 100)) {
                accepted.incrementAndGet();
            }
        });
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(q.bytes()).isLessThanOrEqualTo(maxBytes);
        assertThat(accepted.get()).isEqualTo(q.size()).isLessThanOrEqualTo((int) (maxBytes / 100));
    }

    @Test
    void aWaitingCallerIsWokenByTheDrainNotByItsTimeout() throws Exception {
        RecordQueue q = new RecordQueue(1, 1L << 30);
        assertThat(q.offer(record(0), 100)).isTrue();
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicLong took = new AtomicLong(-1);
        Thread caller = new Thread(() -> {
            waiting.countDown();
            try {
                long start = System.nanoTime();
                if (q.offer(record(1), 100, TimeUnit.MINUTES.toNanos(10))) {
                    took.set(System.nanoTime() - start);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        caller.start();
        waiting.await();
        Thread.sleep(50);
        List<LogRecord> batch = new ArrayList<>();
        assertThat(q.drainTo(batch, 10)).isEqualTo(1);
        caller.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(caller.isAlive())
                .as("woken by the drain, long before its 10-minute timeout")
                .isFalse();
        assertThat(took.get()).isPositive();
        assertThat(q.size()).isEqualTo(1);
    }
}
