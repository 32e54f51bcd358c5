package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.LogRecord;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sender thread: takes records from the head of the {@link RecordBuffer}, formats them for the
 * active transport and sends them; only then are they removed from the buffer.
 *
 * <p>Targets are tried in their configured order. A target that fails is retried after a back-off that
 * doubles from {@code reconnect.delay} to {@code reconnect.max.delay}; meanwhile the next target in the
 * list takes over (a failover), or, if none is left, records wait in the buffer. While a less preferred
 * target is active, the more preferred ones are probed every {@code failback.interval}, and the first
 * that opens takes over again (a failback). A write that makes no progress for {@code write.timeout} is
 * cut by the {@link StallWatchdog} and counts as a failure of its target (a stall).
 *
 * <p>A new transport is <em>confirmed</em> by its first successful send (for UDP, one that nobody
 * refused; after a stall, only once the connection has carried writes for {@code write.timeout}, since
 * a collector that accepts and never reads takes the first few hundred KB happily). Only a confirmed
 * transport resets its back-off and is reported. So stderr gets one line per change that happened —
 * "using fallback target", "back on preferred target", "reconnected", or one line when no target at all
 * is reachable — and never a "failed"/"reconnected" pair per record, whatever the targets do.
 */
final class SyslogSender implements Runnable {
    private static final int MAX_BATCH = 256;
    private static final long IDLE_WAKE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SyslogConfig config;
    private final RecordBuffer buffer;
    private final TransportFactory factory;
    private final SyslogFormatter formatter;
    private final SyslogCounters counters;
    private final ThrottledReporter reporter;
    private final StallWatchdog watchdog;
    private final List<Target> targets;
    private final long[] retryAt;
    private final long[] delayNanos;
    private final boolean[] unsupported;
    private final boolean[] stalledLast;
    private final String[] lastError;

    private volatile boolean closing;
    private volatile long closeDeadline;
    private volatile Transport active;
    private volatile boolean everConfirmed;
    private int activeIndex = -1;
    private boolean activeConfirmed;
    private boolean activeProven;
    private long confirmNotBefore;
    private long provenNotBefore;
    /** The target last confirmed (reported as in use), or -1. */
    private int reportedIndex = -1;
    /** A confirmed target lost since the last report: "target X failed (why)", said with what comes next. */
    private String pendingLoss;
    private int lostIndex = -1;
    /** Whether the current outage (no target reachable) has been reported. */
    private boolean outage;
    private long nextFailbackProbe;
    private boolean finalTry;
    /**
     * Records at the head of the buffer already sent on the active, not yet confirmed connection: they
     * leave the buffer only once it is confirmed, and go to the next target if it stalls first.
     */
    private int held;
    private volatile long opens;

    SyslogSender(SyslogConfig config, RecordBuffer buffer, TransportFactory factory, SyslogCounters counters,
                 ThrottledReporter reporter, StallWatchdog watchdog) {
        this.config = config;
        this.buffer = buffer;
        this.factory = factory;
        this.formatter = SyslogFormatter.of(config);
        this.counters = counters;
        this.reporter = reporter;
        this.watchdog = watchdog;
        this.targets = config.targets();
        int n = targets.size();
        this.retryAt = new long[n];
        this.delayNanos = new long[n];
        this.unsupported = new boolean[n];
        this.stalledLast = new boolean[n];
        this.lastError = new String[n];
        long now = System.nanoTime();
        for (int i = 0; i < n; i++) {
            retryAt[i] = now;
            delayNanos[i] = config.reconnectDelay.toNanos();
        }
    }

    /**
     * Whether waiting for the sender is worth it: a transport is open and no write on it has been blocked
     * for {@code patienceNanos} or longer.
     */
    boolean isHealthy(long patienceNanos) {
        return active != null && watchdog.blockedNanos() < patienceNanos;
    }

    /** The target in use, or null. */
    Target activeTarget() {
        Transport t = active;
        return t == null ? null : t.target();
    }

    /**
     * True while nobody asked for syslog and nothing was ever delivered: the default targets and no
     * collector on this machine. Then the one line said at the start is all stderr gets.
     */
    boolean unaskedAndUnreachable() {
        return config.defaultTargets && !everConfirmed;
    }

    /** Asks the thread to send what is buffered until {@code deadlineNanos}, then stop. */
    void close(long deadlineNanos) {
        closeDeadline = deadlineNanos;
        closing = true;
        watchdog.cutAt(deadlineNanos);
        buffer.wake();
    }

    @Override
    public void run() {
        try {
            while (true) {
                long now = System.nanoTime();
                if (closing && (buffer.size() == 0 || now - closeDeadline >= 0)) {
                    break;
                }
                if (active != null && activeIndex > 0 && now - nextFailbackProbe >= 0) {
                    probeFailback(now);
                }
                if (held > 0) {
                    confirmIfDue(); // a connection on probation that lasted: what it carried is sent
                }
                List<LogRecord> batch = buffer.peek(held, MAX_BATCH, waitNanos(now));
                if (batch.isEmpty()) {
                    continue;
                }
                if (closing && active == null && !finalTry) {
                    // Shutdown does not wait out a back-off: one last try of every target, now.
                    finalTry = true;
                    Arrays.fill(retryAt, System.nanoTime());
                }
                if (active == null && !connect(System.nanoTime())) {
                    if (closing) {
                        break; // nothing reachable: what is left is counted by the sink
                    }
                    if (!outage) {
                        reportOutage();
                    }
                    waitForRetry();
                    continue;
                }
                send(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            disconnect();
        }
    }

    private long waitNanos(long now) {
        long wait = IDLE_WAKE_NANOS;
        if (active != null && activeIndex > 0) {
            wait = Math.min(wait, Math.max(0, nextFailbackProbe - now));
        }
        if (held > 0) {
            wait = Math.min(wait, Math.max(0, confirmNotBefore - now));
        }
        if (closing) {
            wait = Math.min(wait, Math.max(0, closeDeadline - now));
        }
        return Math.max(wait, 1);
    }

    /** Sleeps until the earliest retry (or close), without holding records. */
    private void waitForRetry() throws InterruptedException {
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        for (int i = 0; i < targets.size(); i++) {
            if (!unsupported[i]) {
                next = Math.min(next, Math.max(0, retryAt[i] - now));
            }
        }
        if (next == Long.MAX_VALUE) {
            // Nothing can ever be sent: keep the records until shutdown (they are counted as dropped then).
            next = IDLE_WAKE_NANOS;
        }
        if (closing) {
            next = Math.min(next, Math.max(0, closeDeadline - now));
        }
        if (next > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(next, TimeUnit.MILLISECONDS.toNanos(50)));
        }
    }

    private void send(List<LogRecord> batch) {
        Transport t = active;
        try {
            t.checkOpen();
            for (LogRecord r : batch) {
                FormattedMessage m = format(r, t);
                t.send(m.bytes());
                if (m.truncated()) {
                    counters.truncated.increment();
                    reporter.warnThrottled("truncated", "a record of component " + r.component().id()
                            + " was longer than " + t.maxMessageSize() + " bytes and was truncated (counted in "
                            + "gateway.log.syslog.truncated; see sink.syslog.max.message.size)");
                }
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

    /** Formats a record; a formatter failure (a bug) yields a stand-in, never an endless retry. */
    private FormattedMessage format(LogRecord r, Transport t) {
        try {
            return formatter.format(r, t.maxMessageSize(), t.needsNewlineEscaping());
        } catch (RuntimeException e) {
            reporter.warnThrottled("format", "a record of component " + r.component().id() + " could not be formatted ("
                    + e + "); sent without its fields");
            LogRecord plain = LogRecord.builder().epochMillis(r.epochMillis()).level(r.level()).component(r.component())
                    .logger(r.logger()).message(SdNames.text(r.message())).build();
            return formatter.format(plain, t.maxMessageSize(), t.needsNewlineEscaping());
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
        int i = activeIndex;
        lastError[i] = null;
        stalledLast[i] = false;
        delayNanos[i] = config.reconnectDelay.toNanos();
        int was = reportedIndex;
        boolean afterOutage = outage;
        String loss = pendingLoss;
        int lost = lostIndex;
        reportedIndex = i;
        outage = false;
        pendingLoss = null;
        lostIndex = -1;
        Target target = targets.get(i);
        String follow = buffer.size() > 0 ? "; " + buffer.size() + " buffered records follow" : "";
        int reference = was < 0 ? 0 : was;
        if (i > reference) {
            counters.failovers.increment();
            reporter.warn((loss == null ? "" : loss + "; ") + "using fallback target " + target
                    + (was > 0 || loss != null ? "" : preferredReasons(i)) + follow);
        } else if (i < reference) {
            counters.failbacks.increment();
            reporter.warn("back on preferred target " + target + " (was " + targets.get(was) + ")");
        } else if (lost == i || (afterOutage && was == i)) {
            counters.reconnects.increment();
            reporter.warn("reconnected to " + target + follow);
        } else if (afterOutage) {
            reporter.warn("connected to " + target + follow);
        }
    }

    /** Why the targets before {@code i} are not in use, e.g. " (unix:/dev/log: ...)", or "". */
    private String preferredReasons(int i) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < i; j++) {
            if (lastError[j] != null) {
                b.append(b.length() == 0 ? " (" : "; ").append(targets.get(j)).append(": ").append(lastError[j]);
            }
        }
        return b.length() == 0 ? "" : b.append(')').toString();
    }

    private void reportOutage() {
        outage = true;
        List<String> parts = new java.util.ArrayList<>();
        if (pendingLoss != null) {
            parts.add(pendingLoss);
            pendingLoss = null;
        }
        for (int j = 0; j < targets.size(); j++) {
            if (lastError[j] != null && j != lostIndex) {
                parts.add(targets.get(j) + " failed (" + lastError[j] + ")");
            }
        }
        StringBuilder b = new StringBuilder(String.join(", ", parts));
        String why = b.toString();
        if (unaskedAndUnreachable()) {
            reporter.warn("no syslog collector on this machine (" + why + "): auth events are in the files only, and up to "
                    + buffer.capacity() + " wait here in case one appears. Name a collector with sink.syslog.targets, or "
                    + "turn this sink off with sink.syslog.enabled=false");
        } else {
            reporter.warn(why + (targets.size() > 1 ? "; no syslog target is reachable" : "") + "; " + buffer.size() + " of "
                    + buffer.capacity() + " buffered records wait, and the targets are retried with back-off (up to "
                    + config.reconnectMaxDelay + ")");
        }
    }

    private boolean connect(long now) {
        for (int i = 0; i < targets.size(); i++) {
            if (unsupported[i] || now - retryAt[i] < 0) {
                continue;
            }
            if (tryOpen(i, now)) {
                return true;
            }
        }
        return false;
    }

    private void probeFailback(long now) {
        nextFailbackProbe = now + config.failbackInterval.toNanos();
        int from = activeIndex;
        for (int i = 0; i < from; i++) {
            if (unsupported[i] || now - retryAt[i] < 0) {
                continue;
            }
            Transport t;
            try {
                t = factory.open(targets.get(i));
            } catch (IOException | RuntimeException e) {
                markDown(i, now, describe(e));
                continue;
            }
            active.close();
            activate(i, t);
            return;
        }
    }

    /** How many times a target was opened or tried (for tests: retries happen, whatever stderr says). */
    long opens() {
        return opens;
    }

    private boolean tryOpen(int i, long now) {
        Target target = targets.get(i);
        opens++;
        try {
            activate(i, factory.open(target));
            return true;
        } catch (UnsupportedTargetException e) {
            unsupported[i] = true;
            lastError[i] = "cannot be used: " + e.getMessage();
            return false;
        } catch (IOException | RuntimeException e) {
            markDown(i, now, describe(e));
            return false;
        }
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
        confirmNotBefore = stalledLast[i] ? now + config.writeTimeout.toNanos() : now;
        provenNotBefore = stalledLast[i] ? now + config.reconnectMaxDelay.toNanos() : now;
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
            why = describe(e);
        }
        stalledLast[i] = stalled || (stalledLast[i] && !activeProven);
        if (activeProven) {
            pendingLoss = "target " + targets.get(i) + " failed (" + why + ")";
            lostIndex = i;
        }
        disconnect();
        markDown(i, System.nanoTime(), why);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void markDown(int i, long now, String why) {
        lastError[i] = why;
        retryAt[i] = now + delayNanos[i];
        delayNanos[i] = Math.min(delayNanos[i] * 2, config.reconnectMaxDelay.toNanos());
    }

    private void disconnect() {
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
