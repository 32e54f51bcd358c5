package io.gatewaylog.core.internal.sanitize;

/**
 * Counts the characters the scanner and its detectors look at, so that a test can check that the work
 * grows linearly with the input, whatever its shape, without measuring time. Off by default: then each
 * {@link #add} is one plain static field read and a branch that is never taken.
 * The count is per thread, so that concurrently running tests do not mix their figures.
 */
final class ScanSteps {
    /**
     * Not volatile on purpose: a volatile read per detector call cost a few percent of the clean scan;
     * a test switches counting on before it sanitizes, on the same thread, so it sees the change.
     */
    private static boolean counting;

    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

    private ScanSteps() {}

    /** Starts counting (for tests); the current thread's count is reset. */
    static void start() {
        counting = true;
        COUNT.get()[0] = 0;
    }

    /** The current thread's count since {@link #start()}, and resets it. */
    static long take() {
        long[] c = COUNT.get();
        long n = c[0];
        c[0] = 0;
        return n;
    }

    /** Stops counting. */
    static void stop() {
        counting = false;
    }

    static void add(int steps) {
        if (counting) {
            COUNT.get()[0] += steps;
        }
    }
}
