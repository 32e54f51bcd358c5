package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A component's buffer: a ring of records bounded both in records ({@code buffer.max}) and in bytes
 * ({@code buffer.max.bytes}, by {@link RecordSize}'s estimate, kept next to each record). Like
 * {@link java.util.concurrent.ArrayBlockingQueue}, which it replaces, it allocates nothing per record and
 * moves a whole batch under one lock; unlike it, it knows bytes, and it can be closed so that a record
 * offered after the writer's last drain is refused rather than stranded.
 *
 * <p>A record larger than the whole byte bound is still taken when the queue is empty (it could never be
 * written otherwise); it then fills the queue alone.
 */
final class RecordQueue {
    private final LogRecord[] items;
    private final int[] sizes;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private int head;
    private int count;
    private long bytes;
    private boolean closed;

    RecordQueue(int capacity, long maxBytes) {
        this.items = new LogRecord[capacity];
        this.sizes = new int[capacity];
        this.maxBytes = maxBytes;
    }

    private boolean fits(int size) {
        return count < items.length && (count == 0 || bytes + size <= maxBytes);
    }

    private void enqueue(LogRecord r, int size) {
        int tail = (head + count) % items.length;
        items[tail] = r;
        sizes[tail] = size;
        count++;
        bytes += size;
    }

    private LogRecord dequeue() {
        LogRecord r = items[head];
        items[head] = null;
        bytes -= sizes[head];
        head = (head + 1) % items.length;
        count--;
        return r;
    }

    /** Takes {@code r} if it fits now; false when full or closed. */
    boolean offer(LogRecord r, int size) {
        lock.lock();
        try {
            if (closed || !fits(size)) {
                return false;
            }
            enqueue(r, size);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes {@code r}, waiting up to {@code nanos} for room; false when still full, or closed. */
    boolean offer(LogRecord r, int size, long nanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed && !fits(size)) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = notFull.awaitNanos(nanos);
            }
            if (closed) {
                return false;
            }
            enqueue(r, size);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes {@code r}, removing the oldest records until it fits; returns how many were removed (-1: closed). */
    int offerEvictingOldest(LogRecord r, int size) {
        lock.lock();
        try {
            if (closed) {
                return -1;
            }
            int evicted = 0;
            while (!fits(size)) {
                dequeue();
                evicted++;
            }
            enqueue(r, size);
            return evicted;
        } finally {
            lock.unlock();
        }
    }

    /** Moves up to {@code max} of the oldest records to {@code to}; returns how many. */
    int drainTo(List<LogRecord> to, int max) {
        lock.lock();
        try {
            int n = Math.min(max, count);
            for (int i = 0; i < n; i++) {
                to.add(dequeue());
            }
            if (n > 0) {
                notFull.signalAll();
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses every later offer, wakes every waiting caller, and returns how many records were left (now removed). */
    int closeAndClear() {
        lock.lock();
        try {
            closed = true;
            int n = count;
            while (count > 0) {
                dequeue();
            }
            notFull.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        return size() == 0;
    }
}
