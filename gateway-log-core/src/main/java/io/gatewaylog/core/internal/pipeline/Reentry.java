package io.gatewaylog.core.internal.pipeline;

/**
 * Knows whether the current thread is inside gateway-log's own writing: a writer thread, the auth retry
 * timer, or a caller writing auth records to the sinks under the auth lock. A record logged from there
 * (a sink that logs, a value's {@code toString()} called while a record is encoded, a library a sink
 * calls) must never wait for room in a buffer: the thread it would wait for may be itself, or may be
 * waiting for it. Such a record is queued if there is room and otherwise dropped and counted as
 * {@code dropped{reason=reentrant}}; the auth pipeline writes it right after the record being written.
 *
 * <p>Asked only when a buffer is full, so the common path pays nothing.
 */
final class Reentry {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Reentry() {}

    static boolean inside() {
        return Thread.currentThread() instanceof WriterThread || DEPTH.get()[0] > 0;
    }

    static void enter() {
        DEPTH.get()[0]++;
    }

    static void exit() {
        DEPTH.get()[0]--;
    }

    /** The threads gateway-log runs sinks on. */
    static final class WriterThread extends Thread {
        WriterThread(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }
    }

    /**
     * Whether {@code t} is a request to stop the thread ({@code Thread.stop}), which must be let through.
     * By name: {@code ThreadDeath} is deprecated for removal.
     */
    static boolean isThreadDeath(Throwable t) {
        return t instanceof Error && t.getClass().getName().equals("java.lang.ThreadDeath");
    }

    /** Lets a request to stop the thread through, after the caller's bookkeeping. */
    static void rethrowIfThreadDeath(Throwable e) {
        if (isThreadDeath(e)) {
            throw (Error) e;
        }
    }
}
