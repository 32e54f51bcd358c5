package io.gatewaylog.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The harness measures what it claims: one forced stall of known length shows once in the service
 * time but in every call it delayed in the response time (coordinated omission corrected), and no call
 * of the warm-up is counted.
 */
class PacedLatencyTest {
    private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Does nothing, except that its call number {@code stallAt} takes 50 ms. */
    private static final class StallsOnce implements Contender {
        private final AtomicLong calls = new AtomicLong();
        private final long stallAt;

        StallsOnce(long stallAt) {
            this.stallAt = stallAt;
        }

        @Override
        public void log(String requestId) {
            if (calls.incrementAndGet() == stallAt) {
                long until = System.nanoTime() + STALL_NANOS;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
        }

        @Override
        public void shutdown() {}
    }

    @Test
    void aStallIsChargedToEveryCallItDelays() throws InterruptedException {
        // 10,000 calls per second: 100 us apart, so the stall delays about 500 calls due during it
        StallsOnce c = new StallsOnce(5_000);
        PacedLatency.Run run = PacedLatency.run(c, 1, 10_000, 0.2, 0.8);

        assertThat(run.logged()).isEqualTo(10_000);
        assertThat(run.measured()).isEqualTo(8_000);
        assertThat(run.service().getCountBetweenValues(STALL_NANOS * 9 / 10, Long.MAX_VALUE))
                .isBetween(1L, 3L);
        assertThat(run.response().getMaxValue()).isGreaterThanOrEqualTo(STALL_NANOS);
        // the calls due in the stall's second half waited at least 10 ms, and there are about 400 of them
        assertThat(run.response().getCountBetweenValues(TimeUnit.MILLISECONDS.toNanos(10), Long.MAX_VALUE))
                .isGreaterThan(300);
        assertThat(run.achievedRate()).isBetween(9_000.0, 11_000.0);
    }

    @Test
    void theThreadsShareTheRate() throws InterruptedException {
        StallsOnce c = new StallsOnce(-1);
        PacedLatency.Run run = PacedLatency.run(c, 4, 8_000, 0.1, 0.5);

        assertThat(run.logged()).isEqualTo(4_800);
        assertThat(run.measured()).isBetween(3_990L, 4_010L);
        assertThat(run.achievedRate()).isBetween(7_200.0, 8_800.0);
    }
}
