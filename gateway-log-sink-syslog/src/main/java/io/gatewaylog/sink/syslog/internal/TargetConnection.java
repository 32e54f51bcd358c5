package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.LogRecord;
import java.io.IOException;
import java.util.List;

/**
 * The connection to the active target and its probation. A new transport is <em>confirmed</em> by its
 * first successful send (for UDP, one that nobody refused; after a stall, only once the connection has
 * carried writes for {@code write.timeout}, since a collector that accepts and never reads takes the
 * first few hundred KB happily); only then do the records it carried leave the buffer. Only a confirmed
 * transport that has also proven itself resets its back-off and is reported ({@link TargetReports}).
 * Used by the sender thread; {@link #isOpen()}, {@link #target()} and {@link #everConfirmed()} are read
 * by others.
 */
final class TargetConnection {
    private final SyslogConfig config;
    private final RecordBuffer buffer;
    private final SyslogCounters counters;
    private final StallWatchdog watchdog;
    private final GuardedFormatter formatter;
    private final TargetStates targets;
    private final TargetReports reports;
    private final TargetOpener opener;

    private volatile Transport active;
    private volatile boolean everConfirmed;
    private int activeIndex = -1;
    private boolean activeConfirmed;
    private boolean activeProven;
    private long confirmNotBefore;
    private long provenNotBefore;
    private long nextFailbackProbe;
    /**
     * Records at the head of the buffer already sent on the active, not yet confirmed connection: they
     * leave the buffer only once it is confirmed, and go to the next target if it stalls first.
     */
    private int held;

    TargetConnection(
            SyslogConfig config,
            RecordBuffer buffer,
            TransportFactory factory,
            SyslogCounters counters,
            ThrottledReporter reporter,
            StallWatchdog watchdog,
            TargetStates targets,
            TargetReports reports) {
        this.config = config;
        this.buffer = buffer;
        this.counters = counters;
        this.watchdog = watchdog;
        this.formatter = new GuardedFormatter(SyslogFormatter.of(config), counters, reporter);
        this.targets = targets;
        this.reports = reports;
        this.opener = new TargetOpener(targets, factory);
    }

    boolean isOpen() {
        return active != null;
    }

    /** The target in use, or null. */
    Target target() {
        Transport t = active;
        return t == null ? null : t.target();
    }

    /** Whether any connection was ever confirmed. */
    boolean everConfirmed() {
        return everConfirmed;
    }

    /** Records at the head of the buffer sent on this connection and still on probation. */
    int held() {
        return held;
    }

    /** A less preferred target is active and the more preferred ones are due for a probe. */
    boolean failbackDue(long now) {
        return active != null && activeIndex > 0 && now - nextFailbackProbe >= 0;
    }

    /** A connection on probation that lasted: what it carried is sent. */
    void confirmHeldIfDue() {
        if (held > 0) {
            confirmIfDue();
        }
    }

    /** {@code wait}, shortened to the next failback probe or the end of probation. */
    long waitNanos(long now, long wait) {
        if (active != null && activeIndex > 0) {
            wait = Math.min(wait, Math.max(0, nextFailbackProbe - now));
        }
        if (held > 0) {
            wait = Math.min(wait, Math.max(0, confirmNotBefore - now));
        }
        return wait;
    }

    /** Sends a batch from the head of the buffer; a failure loses the connection (the batch stays). */
    void send(List<LogRecord> batch) {
        Transport t = active;
        try {
            t.checkOpen();
            for (LogRecord r : batch) {
                t.send(formatter.format(r, t));
                if (!t.isStream()) {
                    if (!activeConfirmed) {
                        // Throws if nobody listens: the record stays at the head, for the next target.
                        t.verify();
                    }
                    // A datagram has left: it must not be sent again, whatever happens next.
                    buffer.remove(1);
                    counters.sent(activeIndex, 1);
                    confirmIfDue();
                }
            }
            if (t.isStream()) {
                t.flush();
                held += batch.size();
                confirmIfDue();
                if (activeConfirmed) {
                    release();
                }
            }
        } catch (IOException | RuntimeException e) {
            lose(e);
        }
    }

    /** The held records were sent on a confirmed connection: they leave the buffer. */
    private void release() {
        if (held > 0) {
            buffer.remove(held);
            counters.sent(activeIndex, held);
            held = 0;
        }
    }

    /**
     * A send on the active target succeeded. Once due, the connection is <em>confirmed</em>: what it was
     * sent leaves the buffer. Once it has also <em>proven</em> itself, its back-off starts again from the
     * shortest delay and what changed since the last report is reported in one line. Both happen on the
     * first success, except after a stall: then confirmation waits {@code write.timeout} (a hung
     * collector takes the first few hundred KB happily) and proof {@code reconnect.max.delay} (a slow
     * stream may take longer than write.timeout to fill the buffers of one that still hangs).
     */
    private void confirmIfDue() {
        long now = System.nanoTime();
        if (!activeConfirmed && now - confirmNotBefore >= 0) {
            activeConfirmed = true;
            everConfirmed = true;
        }
        if (!activeConfirmed) {
            return;
        }
        release();
        if (activeProven || now - provenNotBefore < 0) {
            return;
        }
        activeProven = true;
        targets.proven(activeIndex);
        reports.proven(activeIndex, buffer.size());
    }

    /** Opens the first target due; false if none opens. */
    boolean connect(long now) {
        TargetOpener.Opened opened = opener.openFirstDue(now);
        if (opened == null) {
            return false;
        }
        activate(opened.index(), opened.transport());
        return true;
    }

    /** Tries the targets before the active one; the first that opens takes over (a failback). */
    void probeFailback(long now) {
        nextFailbackProbe = now + config.failbackInterval.toNanos();
        TargetOpener.Opened opened = opener.openPreferred(activeIndex, now);
        if (opened != null) {
            active.close();
            activate(opened.index(), opened.transport());
        }
    }

    /** How many times a target was opened or tried (for tests: retries happen, whatever stderr says). */
    long opens() {
        return opener.opens();
    }

    private void activate(int i, Transport t) {
        long now = System.nanoTime();
        active = t;
        activeIndex = i;
        activeConfirmed = false;
        activeProven = false;
        held = 0;
        // A collector that stalled before is believed again only once a connection has lasted: until
        // then what it is sent stays in the buffer (held), to go to the next target if it stalls again.
        boolean stalledBefore = targets.stalledLast(i);
        confirmNotBefore = stalledBefore ? now + config.writeTimeout.toNanos() : now;
        provenNotBefore = stalledBefore ? now + config.reconnectMaxDelay.toNanos() : now;
        if (i > 0) {
            nextFailbackProbe = now + config.failbackInterval.toNanos();
        }
    }

    private void lose(Exception e) {
        int i = activeIndex;
        boolean stalled = watchdog.takeFired();
        String why;
        if (stalled) {
            counters.stalls.increment();
            why = "a write made no progress for " + config.writeTimeout + " (sink.syslog.write.timeout): the collector "
                    + "accepts data but does not read it";
        } else {
            why = TargetOpener.describe(e);
        }
        targets.stalledLast(i, stalled || (targets.stalledLast(i) && !activeProven));
        if (activeProven) {
            reports.lost(i, why);
        }
        disconnect();
        targets.markDown(i, System.nanoTime(), why);
    }

    void disconnect() {
        Transport t = active;
        if (t != null) {
            t.close();
        }
        active = null;
        activeIndex = -1;
        activeConfirmed = false;
        activeProven = false;
        held = 0; // still at the head of the buffer: sent again, to whichever target comes next
    }
}
