package io.gatewaylog.sink.kafka.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sender's bookkeeping of the spools: commits each component's acknowledged prefix every
 * {@link #COMMIT_EVERY_NANOS} (which lets spent segments go) and forces the spool files to disk every
 * {@code spool.fsync.interval} (never if it is 0: then each batch was forced when it was spooled).
 * Used by the sender thread only.
 */
final class SpoolKeeper {
    static final long COMMIT_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final List<SendState> states;
    private final long fsyncIntervalNanos;
    private long lastCommit;
    private long lastForce = System.nanoTime();

    SpoolKeeper(List<SendState> states, Duration fsyncInterval) {
        this.states = states;
        this.fsyncIntervalNanos = fsyncInterval.toNanos();
    }

    /** Commits and forces what is due; {@code now}: all of it, whatever is due (at shutdown). */
    void maintain(boolean now) throws IOException {
        long t = System.nanoTime();
        if (now || t - lastCommit >= COMMIT_EVERY_NANOS) {
            lastCommit = t;
            for (SendState s : states) {
                s.commitIfMoved();
            }
        }
        if (fsyncIntervalNanos > 0 && (now || t - lastForce >= fsyncIntervalNanos)) {
            lastForce = t;
            for (SendState s : states) {
                s.spool.force();
            }
        }
    }
}
