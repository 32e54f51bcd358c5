package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A component's buffer: a ring of records bounded in records ({@code buffer.max}) and bytes ({@code
 * buffer.max.bytes}, by {@link RecordSize}'s estimate, kept next to each record). It allocates nothing per
 * record; closed, it refuses a record offered after the writer's last drain rather than strand it.
 *
 * <p>Callers never take a lock to put a record in: they reserve its bytes and claim a slot (an atomic add and a
 * compare-and-set), then publish the record into the slot. Under one lock, as it used to be, two logging threads
 * on two cores parked each other about 1,700 times a second each, 0.1-0.3 ms a time (JFR): each park a caller's
 * latency spike. What takes records out (the writer's drain, a caller evicting the oldest, closing) is
 * serialized by a lock of its own, which callers never touch on the way in.
 *
 * <p>Records are taken in the order of their slots. A slot claimed but not yet published stops a drain there
 * until its caller publishes it (it is between two instructions). Closing and publishing meet like this: a
 * caller publishes, then looks at {@code closed}; closing sets {@code closed}, then clears the slots. Whoever
 * takes the record out of its slot (the writer, the closer, or the caller taking it back) owns it, so a record
 * is written, counted as left at closing, or refused to its caller: exactly one of the three.
 *
 * <p>A record larger than the whole byte bound is taken when the queue holds no bytes (else it could never be
 * written); it then fills the queue alone.
 */
final class RecordQueue {
    private final AtomicReferenceArray<LogRecord> slots;
    private final int[] sizes; // written before the slot is published, read after it is seen
    private final int capacity;
    private final long maxBytes;
    private final AtomicLong tail = new AtomicLong(); // the next slot a caller claims
    private final AtomicLong bytes = new AtomicLong();
    private final ReentrantLock takeLock = new ReentrantLock();
    private final ReentrantLock waitLock = new ReentrantLock();
    private final Condition notFull = waitLock.newCondition();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile long head; // the next slot to take; written under takeLock
    private volatile boolean closed; // set under takeLock

    RecordQueue(int capacity, long maxBytes) {
        this.slots = new AtomicReferenceArray<>(capacity);
        this.sizes = new int[capacity];
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    private int slot(long index) {
        return (int) (index % capacity);
    }

    /** Takes {@code r} if it fits now; false when full or closed. */
    boolean offer(LogRecord r, int size) {
        if (closed) {
            return false;
        }
        StackProbe.ensureRoom(); // an overflow here, before the claim, strands nothing
        long index = claim(size);
        return index >= 0 && publish(index, r, size);
    }

    /** Reserves the bytes and a slot; the slot's index, or -1 when either bound is reached. */
    private long claim(int size) {
        long total = bytes.addAndGet(size);
        if (total != size && total > maxBytes) {
            bytes.addAndGet(-size);
            return -1;
        }
        while (true) {
            long t = tail.get();
            if (t - head >= capacity) {
                bytes.addAndGet(-size);
                return -1;
            }
            if (tail.compareAndSet(t, t + 1)) {
                return t;
            }
        }
    }

    private boolean publish(long index, LogRecord r, int size) {
        int i = slot(index);
        sizes[i] = size;
        slots.set(i, r); // a volatile write: ordered before the read of closed below
        if (closed && slots.compareAndSet(i, r, null)) {
            bytes.addAndGet(-size);
            return false; // closed meanwhile and nobody took it: refused, never stranded
        }
        return true;
    }

    /** Takes {@code r}, waiting up to {@code nanos} for room; false when still full, or closed. */
    boolean offer(LogRecord r, int size, long nanos) throws InterruptedException {
        if (offer(r, size)) {
            return true;
        }
        long left = nanos;
        waiting.incrementAndGet(); // before looking again: a drain after this sees a waiter and signals
        try {
            waitLock.lockInterruptibly();
            try {
                while (!closed) {
                    if (offer(r, size)) {
                        return true;
                    }
                    if (left <= 0) {
                        return false;
                    }
                    left = notFull.awaitNanos(left);
                }
                return false;
            } finally {
                waitLock.unlock();
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Takes {@code r}, removing the oldest records until it fits; returns how many were removed (-1: closed). */
    int offerEvictingOldest(LogRecord r, int size) {
        takeLock.lock();
        try {
            if (closed) {
                return -1; // cannot change while the take lock is held
            }
            int evicted = 0;
            while (!offer(r, size)) {
                if (removeOldest() != null) {
                    evicted++;
                } else {
                    Thread.onSpinWait(); // the oldest slot is claimed and about to be published
                }
            }
            return evicted;
        } finally {
            takeLock.unlock();
        }
    }

    /** Under the take lock: the oldest record, taken out; null when its slot is not published yet. */
    private LogRecord removeOldest() {
        long h = head;
        if (h == tail.get()) {
            return null;
        }
        int i = slot(h);
        LogRecord r = slots.getAndSet(i, null);
        if (r != null) {
            bytes.addAndGet(-sizes[i]);
            head = h + 1;
            wakeWaiters();
        }
        return r;
    }

    /** Moves up to {@code max} of the oldest records to {@code to}; returns how many. */
    int drainTo(List<LogRecord> to, int max) {
        takeLock.lock();
        try {
            long h = head;
            long end = tail.get();
            long freed = 0;
            int n = 0;
            while (n < max && h < end) {
                int i = slot(h);
                LogRecord r = slots.getAndSet(i, null);
                if (r == null) {
                    break; // claimed, not yet published: taken on the next drain
                }
                freed += sizes[i];
                to.add(r);
                n++;
                h++;
            }
            if (n > 0) {
                bytes.addAndGet(-freed);
                head = h; // a volatile write: a caller waiting after this sees the room
                wakeWaiters();
            }
            return n;
        } finally {
            takeLock.unlock();
        }
    }

    private void wakeWaiters() {
        if (waiting.get() > 0) {
            waitLock.lock();
            try {
                notFull.signalAll();
            } finally {
                waitLock.unlock();
            }
        }
    }

    /** Refuses every later offer, wakes every waiting caller, and returns how many records were left (now removed). */
    int closeAndClear() {
        int n = 0;
        takeLock.lock();
        try {
            closed = true;
            long end = tail.get();
            for (long k = head; k < end; k++) {
                int i = slot(k);
                LogRecord r = slots.getAndSet(i, null);
                if (r != null) {
                    bytes.addAndGet(-sizes[i]);
                    n++;
                }
            }
            head = end;
        } finally {
            takeLock.unlock();
        }
        waitLock.lock();
        try {
            notFull.signalAll();
        } finally {
            waitLock.unlock();
        }
        return n;
    }

    boolean isClosed() {
        return closed;
    }

    /** Records held (claimed slots included: each is a record between claim and publish); none once closed. */
    int size() {
        if (closed) {
            return 0; // what callers claim after closing is refused (taken back), never held
        }
        long n = tail.get() - head;
        return (int) Math.max(0, Math.min(n, capacity));
    }

    long bytes() {
        return Math.max(0, bytes.get());
    }

    boolean isEmpty() {
        return size() == 0;
    }
}
