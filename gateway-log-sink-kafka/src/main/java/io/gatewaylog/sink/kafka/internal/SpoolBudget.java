package io.gatewaylog.sink.kafka.internal;

import java.util.concurrent.atomic.AtomicLong;

/** The bound on the bytes of every component's segment files together ({@code sink.kafka.spool.max.bytes}). */
final class SpoolBudget {
    private final long max;
    private final AtomicLong used = new AtomicLong();

    SpoolBudget(long max) {
        this.max = max;
    }

    /** Takes {@code bytes} if they fit under the bound. */
    boolean tryReserve(long bytes) {
        long u;
        do {
            u = used.get();
            if (u + bytes > max) {
                return false;
            }
        } while (!used.compareAndSet(u, u + bytes));
        return true;
    }

    /** Adds bytes found on disk at start-up (they count even past the bound: they are never thrown away). */
    void add(long bytes) {
        used.addAndGet(bytes);
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }

    long max() {
        return max;
    }
}
