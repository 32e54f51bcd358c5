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
 * <p>Lock-free on the writers' side: an auth caller's {@link #offer} never waits for the sender thread.
 * (With a lock shared with the sender, a sender preempted while holding it made auth calls wait for the
 * CPU scheduler: 5 to 220 ms worst cases on a loaded 2-core machine, in {@code HungCollectorBenchmark}.)
 * Only the sender thread peeks and removes.
 */
final class RecordBuffer {
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
    private volatile boolean senderWaiting;

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
            added.addAndGet(accepted);
            wakeSender();
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

    private void wakeSender() {
        if (senderWaiting) {
            Thread t = sender;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /**
     * Up to {@code max} records after the first {@code skip} (records already sent but not yet released),
     * left in place; waits up to {@code nanos} for one. Sender thread only.
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
            senderWaiting = true;
            // Checked again after saying we wait: an offer either sees the flag or is seen here.
            if (visible() <= skip && wakeups.get() == wakeupsBefore) {
                LockSupport.parkNanos(this, left);
            }
            senderWaiting = false;
        }
        long n = visible();
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
