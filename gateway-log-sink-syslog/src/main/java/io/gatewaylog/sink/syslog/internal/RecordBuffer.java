package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.LogRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The sink's bounded buffer between the writer threads and the sender thread. Records leave it only
 * once sent, so records waiting through an outage keep their order and count against the bound. When
 * full, incoming records are refused (and counted by the caller): the ones already waiting are older
 * and keep their place, so what does arrive is an unbroken prefix of the stream.
 *
 * <p>Lock-free and wake-free on the writers' side: an auth caller's {@link #offer} is a few atomic
 * operations and never waits for, nor wakes, the sender thread, which polls instead. (Sharing a lock
 * with the sender, or signalling it, let the sender take the caller's CPU on a busy 2-core machine: the
 * sink's share of an auth call then reached milliseconds in {@code HungCollectorBenchmark}.) Only the
 * sender thread peeks and removes.
 */
final class RecordBuffer {
    private static final long MIN_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ConcurrentLinkedQueue<LogRecord> records = new ConcurrentLinkedQueue<>();
    private final int capacity;
    /** Places taken (reserved before a record is added): the bound. */
    private final AtomicInteger size = new AtomicInteger();
    /** Records added and visible to the sender (counted after they are in the queue). */
    private final AtomicLong added = new AtomicLong();

    private final AtomicLong wakeups = new AtomicLong();
    /** Written by the sender thread only. */
    private volatile long removed;

    private volatile Thread sender;
    private long idleNanos = MIN_IDLE_NANOS; // sender thread only

    RecordBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** Adds what fits; returns how many records were refused. Never blocks. */
    int offer(List<LogRecord> batch) {
        int refused = 0;
        int accepted = 0;
        for (LogRecord r : batch) {
            if (reserve()) {
                records.add(r);
                accepted++;
            } else {
                refused++;
            }
        }
        if (accepted > 0) {
            // No wake-up of the sender: it polls (see peek). Waking it would be a system call on the
            // caller's thread, and on a busy machine the woken sender can take the caller's CPU.
            added.addAndGet(accepted);
        }
        return refused;
    }

    private boolean reserve() {
        int s = size.get();
        while (s < capacity) {
            if (size.compareAndSet(s, s + 1)) {
                return true;
            }
            s = size.get();
        }
        return false;
    }

    /**
     * Up to {@code max} records after the first {@code skip} (records already sent but not yet released),
     * left in place; waits up to {@code nanos} for one, polling: 1 ms, doubling to 50 ms while nothing
     * comes, as the core's idle writers do. Sender thread only.
     */
    List<LogRecord> peek(int skip, int max, long nanos) {
        sender = Thread.currentThread();
        long deadline = System.nanoTime() + nanos;
        long wakeupsBefore = wakeups.get();
        while (visible() <= skip && wakeups.get() == wakeupsBefore) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            LockSupport.parkNanos(this, Math.min(left, idleNanos));
            idleNanos = Math.min(idleNanos * 2, MAX_IDLE_NANOS);
        }
        long n = visible();
        if (n > skip) {
            idleNanos = MIN_IDLE_NANOS;
        }
        List<LogRecord> out = new ArrayList<>((int) Math.max(0, Math.min(max, n - skip)));
        Iterator<LogRecord> it = records.iterator();
        for (int i = 0; i < skip && it.hasNext(); i++) {
            it.next();
        }
        while (it.hasNext() && out.size() < max) {
            out.add(it.next());
        }
        return out;
    }

    private long visible() {
        return added.get() - removed;
    }

    /** Removes {@code n} records from the head (they were sent, or given up). Sender thread, or after it. */
    void remove(int n) {
        int polled = 0;
        while (polled < n && records.poll() != null) {
            polled++;
        }
        if (polled > 0) {
            removed += polled; // single writer
            size.addAndGet(-polled);
        }
    }

    /** Removes everything; returns how many records that was. */
    int clear() {
        int n = 0;
        while (records.poll() != null) {
            n++;
        }
        if (n > 0) {
            removed += n;
            size.addAndGet(-n);
        }
        return n;
    }

    /** How many records have ever been added: a mark for {@link #awaitRemoved}. */
    long addedCount() {
        return added.get();
    }

    /**
     * Waits until {@code mark} records have left the buffer, or the time is up; true if they have. Polls
     * every millisecond: only a positive {@code flush.timeout} waits here at all.
     */
    boolean awaitRemoved(long mark, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (removed < mark) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(1)));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return true;
    }

    /** Wakes a sender waiting in {@link #peek} (on close, or when a new target should be tried). */
    void wake() {
        wakeups.incrementAndGet();
        Thread t = sender;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    int size() {
        return size.get();
    }

    int capacity() {
        return capacity;
    }
}
