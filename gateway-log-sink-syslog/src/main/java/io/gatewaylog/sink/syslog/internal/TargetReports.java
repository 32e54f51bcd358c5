package io.gatewaylog.sink.syslog.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What stderr is told about the targets: one line per change that happened ("using fallback target",
 * "back on preferred target", "reconnected", or one line when no target at all is reachable), said only
 * once a connection has proven itself, never a "failed"/"reconnected" pair per record. Counts failovers,
 * failbacks and reconnects alongside. Used by the sender thread only.
 */
final class TargetReports {
    private final TargetStates states;
    private final SyslogCounters counters;
    private final ThrottledReporter reporter;
    private final Duration reconnectMaxDelay;
    /** The target last confirmed (reported as in use), or -1. */
    private int reportedIndex = -1;
    /** A confirmed target lost since the last report: "target X failed (why)", said with what comes next. */
    private String pendingLoss;

    private int lostIndex = -1;
    /** Whether the current outage (no target reachable) has been reported. */
    private boolean outage;

    TargetReports(
            TargetStates states, SyslogCounters counters, ThrottledReporter reporter, Duration reconnectMaxDelay) {
        this.states = states;
        this.counters = counters;
        this.reporter = reporter;
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    boolean outageReported() {
        return outage;
    }

    /** A proven target was lost: said together with whatever comes next. */
    void lost(int i, String why) {
        pendingLoss = "target " + states.get(i) + " failed (" + why + ")";
        lostIndex = i;
    }

    /** Target {@code i} proved itself: reports what changed since the last report, if anything. */
    void proven(int i, int buffered) {
        int was = reportedIndex;
        boolean afterOutage = outage;
        String loss = pendingLoss;
        int lost = lostIndex;
        reportedIndex = i;
        outage = false;
        pendingLoss = null;
        lostIndex = -1;
        Target target = states.get(i);
        String follow = buffered > 0 ? "; " + buffered + " buffered records follow" : "";
        int reference = was < 0 ? 0 : was;
        if (i > reference) {
            counters.failovers.increment();
            reporter.warn((loss == null ? "" : loss + "; ") + "using fallback target " + target
                    + (was > 0 || loss != null ? "" : states.preferredReasons(i)) + follow);
        } else if (i < reference) {
            counters.failbacks.increment();
            reporter.warn("back on preferred target " + target + " (was " + states.get(was) + ")");
        } else if (lost == i || (afterOutage && was == i)) {
            counters.reconnects.increment();
            reporter.warn("reconnected to " + target + follow);
        } else if (afterOutage) {
            reporter.warn("connected to " + target + follow);
        }
    }

    /**
     * No target is reachable: one line, naming every failure. {@code unasked}: the default targets and no
     * collector ever reached, said as such.
     */
    void reportOutage(boolean unasked, int buffered, int capacity) {
        outage = true;
        List<String> parts = new ArrayList<>();
        if (pendingLoss != null) {
            parts.add(pendingLoss);
            pendingLoss = null;
        }
        parts.addAll(states.failures(lostIndex));
        String why = String.join(", ", parts);
        if (unasked) {
            reporter.warn("no syslog collector on this machine (" + why
                    + "): auth events are in the files only, and up to " + capacity
                    + " wait here in case one appears. Name a collector with sink.syslog.targets, or "
                    + "turn this sink off with sink.syslog.enabled=false");
        } else {
            reporter.warn(why + (states.size() > 1 ? "; no syslog target is reachable" : "") + "; " + buffered + " of "
                    + capacity + " buffered records wait, and the targets are retried with back-off (up to "
                    + reconnectMaxDelay + ")");
        }
    }
}
