package io.gatewaylog.sink.syslog.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * Gives the sender's blocking socket operations a time limit, which Java socket writes do not have: a
 * collector that accepts a connection and stops reading fills the kernel's buffers (a few MB on
 * loopback), and the next write then blocks for ever. The sender {@link #arm arms} the watchdog before
 * each write to the socket and {@link #disarm disarms} it after; an operation still running
 * {@code write.timeout} after it began (or when the sink's close deadline passes) has its socket
 * closed, which makes the write fail at once with an exception, and the sender fails over as after any
 * other I/O error.
 *
 * <p>Closing the socket is the one way to free a thread blocked in a socket write. Under TLS it is the
 * plain TCP socket that is closed: {@code SSLSocket.close()} itself blocks behind a stuck write (it
 * sends close_notify under the same lock). Non-blocking NIO with a selector would also bound writes,
 * but TLS would then need an {@code SSLEngine} of our own; one small thread is simpler.
 *
 * <p>Costs the sender an uncontended lock per write. While nothing is armed the thread wakes once per
 * timeout; an armed operation is looked at exactly when its time is up.
 */
final class StallWatchdog implements Runnable {
    private final long timeoutNanos;
    private Closeable victim; // guarded by this: the socket of the operation in progress, or null
    private long since; // guarded by this
    private volatile boolean closing;
    private volatile long hardDeadline;
    private volatile boolean stopped;
    private volatile boolean fired;
    private volatile Thread thread;

    StallWatchdog(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /** Starts the watchdog's daemon thread. */
    void start(String name) {
        Thread t = new Thread(this, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** A blocking operation on {@code socket} begins. */
    synchronized void arm(Closeable socket) {
        victim = socket;
        since = System.nanoTime();
    }

    /** The operation ended (normally or not). */
    synchronized void disarm() {
        victim = null;
    }

    /** Whether a blocking operation is in progress, and for how long (0 if none). */
    synchronized long blockedNanos() {
        return victim == null ? 0 : Math.max(1, System.nanoTime() - since);
    }

    /** Whether an operation was cut since the last call: then the failure that follows was a stall. */
    boolean takeFired() {
        boolean f = fired;
        fired = false;
        return f;
    }

    /** From now on, any operation still running at {@code deadlineNanos} is cut (the sink is closing). */
    void cutAt(long deadlineNanos) {
        hardDeadline = deadlineNanos;
        closing = true;
        wake();
    }

    void stop() {
        stopped = true;
        wake();
    }

    private void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            LockSupport.parkNanos(this, check(System.nanoTime()));
        }
    }

    /** Cuts an operation whose time is up; returns how long to sleep before looking again. */
    private synchronized long check(long now) {
        if (victim == null) {
            return timeoutNanos;
        }
        long left = since + timeoutNanos - now;
        if (closing) {
            left = Math.min(left, hardDeadline - now);
        }
        if (left > 0) {
            return left;
        }
        fired = true;
        try {
            victim.close();
        } catch (IOException | RuntimeException ignored) {
            // Closed either way: the blocked write fails now.
        }
        victim = null;
        return timeoutNanos;
    }
}
