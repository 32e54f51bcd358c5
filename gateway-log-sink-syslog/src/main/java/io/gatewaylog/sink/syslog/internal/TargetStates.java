package io.gatewaylog.sink.syslog.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the sender knows of each target, in configured order: when it may be tried again (a back-off that
 * doubles from {@code reconnect.delay} to {@code reconnect.max.delay}), why it last failed, whether its
 * last connection stalled, and whether it can be used on this machine at all. Used by the sender thread
 * only.
 */
final class TargetStates {
    private final List<Target> targets;
    private final long minDelayNanos;
    private final long maxDelayNanos;
    private final long[] retryAt;
    private final long[] delayNanos;
    private final boolean[] unsupported;
    private final boolean[] stalledLast;
    private final String[] lastError;

    TargetStates(List<Target> targets, Duration reconnectDelay, Duration reconnectMaxDelay) {
        this.targets = List.copyOf(targets);
        this.minDelayNanos = reconnectDelay.toNanos();
        this.maxDelayNanos = reconnectMaxDelay.toNanos();
        int n = targets.size();
        this.retryAt = new long[n];
        this.delayNanos = new long[n];
        this.unsupported = new boolean[n];
        this.stalledLast = new boolean[n];
        this.lastError = new String[n];
        Arrays.fill(retryAt, System.nanoTime());
        Arrays.fill(delayNanos, minDelayNanos);
    }

    int size() {
        return targets.size();
    }

    Target get(int i) {
        return targets.get(i);
    }

    /** Whether target {@code i} may be tried now: usable here and its back-off over. */
    boolean due(int i, long now) {
        return !unsupported[i] && now - retryAt[i] >= 0;
    }

    /** Ends every back-off (shutdown's one last try). */
    void retryAllNow(long now) {
        Arrays.fill(retryAt, now);
    }

    /** Nanoseconds until the earliest usable target may be tried, or {@code Long.MAX_VALUE} if none is usable. */
    long nanosToNextRetry(long now) {
        long next = Long.MAX_VALUE;
        for (int i = 0; i < retryAt.length; i++) {
            if (!unsupported[i]) {
                next = Math.min(next, Math.max(0, retryAt[i] - now));
            }
        }
        return next;
    }

    /** Target {@code i} can never be used here (a transport this JVM does not have). */
    void unsupported(int i, String why) {
        unsupported[i] = true;
        lastError[i] = "cannot be used: " + why;
    }

    /** Target {@code i} failed: retried after its back-off, which doubles for next time. */
    void markDown(int i, long now, String why) {
        lastError[i] = why;
        retryAt[i] = now + delayNanos[i];
        delayNanos[i] = Math.min(delayNanos[i] * 2, maxDelayNanos);
    }

    /** Target {@code i} proved itself: its failure is forgotten and its back-off starts again from the shortest. */
    void proven(int i) {
        lastError[i] = null;
        stalledLast[i] = false;
        delayNanos[i] = minDelayNanos;
    }

    boolean stalledLast(int i) {
        return stalledLast[i];
    }

    void stalledLast(int i, boolean stalled) {
        stalledLast[i] = stalled;
    }

    /** Why the targets before {@code i} are not in use, e.g. " (unix:/dev/log: ...)", or "". */
    String preferredReasons(int i) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < i; j++) {
            if (lastError[j] != null) {
                b.append(b.length() == 0 ? " (" : "; ")
                        .append(targets.get(j))
                        .append(": ")
                        .append(lastError[j]);
            }
        }
        return b.length() == 0 ? "" : b.append(')').toString();
    }

    /** "X failed (why)" for every target with a failure on record, except {@code except}. */
    List<String> failures(int except) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < targets.size(); j++) {
            if (lastError[j] != null && j != except) {
                parts.add(targets.get(j) + " failed (" + lastError[j] + ")");
            }
        }
        return parts;
    }
}
