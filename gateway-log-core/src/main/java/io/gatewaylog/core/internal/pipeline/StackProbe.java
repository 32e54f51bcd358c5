package io.gatewaylog.core.internal.pipeline;

/**
 * Makes sure a caller has the stack to finish what it starts in {@link RecordQueue}: a slot it claims must be
 * published. A {@link StackOverflowError} between the two (a log call made with almost no stack left: deep in a
 * recursion, or in a {@code catch (StackOverflowError e)} that logs) would leave the slot claimed for ever and
 * stop every drain there. Going a few frames deeper than claiming and publishing ever go, first, makes any
 * overflow happen before the claim, where it fails that one log call alone (the logger catches it).
 */
final class StackProbe {
    /** Frames below the queue's entry; claim and publish use at most four, interpreted. */
    private static final int DEPTH = 12;

    private StackProbe() {}

    /** Returns normally only when {@value #DEPTH} more frames fit on this thread's stack. */
    static void ensureRoom() {
        if (down(DEPTH) != DEPTH) {
            throw new AssertionError("stack probe"); // never: keeps the calls from being folded away
        }
    }

    private static int down(int n) {
        return n == 0 ? 0 : down(n - 1) + 1;
    }
}
