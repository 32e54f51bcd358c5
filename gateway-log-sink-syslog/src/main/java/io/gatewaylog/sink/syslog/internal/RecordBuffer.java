package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.LogRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sink's bounded buffer between the writer threads and the sender thread. Records leave it only
 * once sent, so records waiting through an outage keep their order and count against the bound. When
 * full, incoming records are refused (and counted by the caller): the ones already waiting are older
 * and keep their place, so what does arrive is an unbroken prefix of the stream.
 */
final class RecordBuffer {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<LogRecord> records = new ArrayDeque<>();
    private final int capacity;
    private long added;
    private long removed;
    private long wakeups;

    RecordBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** Adds what fits; returns how many records were refused. */
    int offer(List<LogRecord> batch) {
        lock.lock();
        try {
            int refused = 0;
            for (LogRecord r : batch) {
                if (records.size() < capacity) {
                    records.addLast(r);
                    added++;
                } else {
                    refused++;
                }
            }
            changed.signalAll();
            return refused;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Up to {@code max} records after the first {@code skip} (records already sent but not yet released),
     * left in place; waits up to {@code nanos} for one.
     */
    List<LogRecord> peek(int skip, int max, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            long wakeupsBefore = wakeups;
            while (records.size() <= skip && left > 0 && wakeups == wakeupsBefore) {
                left = changed.awaitNanos(left);
            }
            List<LogRecord> out = new ArrayList<>(Math.max(0, Math.min(max, records.size() - skip)));
            Iterator<LogRecord> it = records.iterator();
            for (int i = 0; i < skip && it.hasNext(); i++) {
                it.next();
            }
            while (it.hasNext() && out.size() < max) {
                out.add(it.next());
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code n} records from the head (they were sent, or given up). */
    void remove(int n) {
        lock.lock();
        try {
            for (int i = 0; i < n && !records.isEmpty(); i++) {
                records.removeFirst();
                removed++;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Removes everything; returns how many records that was. */
    int clear() {
        lock.lock();
        try {
            int n = records.size();
            remove(n);
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** How many records have ever been added: a mark for {@link #awaitRemoved}. */
    long addedCount() {
        lock.lock();
        try {
            return added;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code mark} records have left the buffer, or the time is up; true if they have. */
    boolean awaitRemoved(long mark, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (removed < mark && left > 0) {
                left = changed.awaitNanos(left);
            }
            return removed >= mark;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes a sender waiting in {@link #peek} (on close, or when a new target should be tried). */
    void wake() {
        lock.lock();
        try {
            wakeups++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return records.size();
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        return capacity;
    }

    static long millisToNanos(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
