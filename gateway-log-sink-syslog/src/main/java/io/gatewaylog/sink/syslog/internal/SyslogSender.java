package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.LogRecord;
import java.io.IOException;
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
 * that opens takes over again (a failback).
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
    private final List<Target> targets;
    private final long[] retryAt;
    private final long[] delayNanos;
    private final boolean[] unsupported;
    private final boolean[] down;

    private volatile boolean closing;
    private volatile long closeDeadline;
    private volatile Transport active;
    private int activeIndex = -1;
    private int lastIndex = -1;
    private long nextFailbackProbe;

    SyslogSender(SyslogConfig config, RecordBuffer buffer, TransportFactory factory, SyslogCounters counters,
                 ThrottledReporter reporter) {
        this.config = config;
        this.buffer = buffer;
        this.factory = factory;
        this.formatter = SyslogFormatter.of(config);
        this.counters = counters;
        this.reporter = reporter;
        this.targets = config.targets();
        int n = targets.size();
        this.retryAt = new long[n];
        this.delayNanos = new long[n];
        this.unsupported = new boolean[n];
        this.down = new boolean[n];
        long now = System.nanoTime();
        for (int i = 0; i < n; i++) {
            retryAt[i] = now;
            delayNanos[i] = config.reconnectDelay.toNanos();
        }
    }

    /** Whether a transport is open: when none is, flushing does not wait. */
    boolean isConnected() {
        return active != null;
    }

    /** The target in use, or null. */
    Target activeTarget() {
        Transport t = active;
        return t == null ? null : t.target();
    }

    /** Asks the thread to send what is buffered until {@code deadlineNanos}, then stop. */
    void close(long deadlineNanos) {
        closeDeadline = deadlineNanos;
        closing = true;
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
                List<LogRecord> batch = buffer.peek(MAX_BATCH, waitNanos(now));
                if (batch.isEmpty()) {
                    continue;
                }
                if (active == null && !connect(System.nanoTime())) {
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
                    // A datagram has left: it must not be sent again, whatever happens next.
                    buffer.remove(1);
                    counters.sent.increment();
                }
            }
            if (t.isStream()) {
                t.flush();
                buffer.remove(batch.size());
                counters.sent.add(batch.size());
            }
            confirm(activeIndex);
        } catch (IOException | RuntimeException e) {
            lose(e);
        }
    }

    /**
     * A send on target {@code i} succeeded: if it had failed before, that episode is over (one line on
     * stderr, one reconnect counted) and its back-off starts again from the shortest delay.
     */
    private void confirm(int i) {
        if (down[i]) {
            down[i] = false;
            counters.reconnects.increment();
            reporter.warn("reconnected to " + targets.get(i) + "; " + buffer.size() + " buffered records follow");
        }
        delayNanos[i] = config.reconnectDelay.toNanos();
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
            if (!unsupported[i]) {
                Transport previous = active;
                if (tryOpenQuietly(i, previous)) {
                    return;
                }
            }
        }
    }

    /** Opens target {@code i} as the active transport in place of {@code previous}. */
    private boolean tryOpenQuietly(int i, Transport previous) {
        Transport t;
        try {
            t = factory.open(targets.get(i));
        } catch (IOException | RuntimeException e) {
            return false;
        }
        previous.close();
        activate(i, t);
        return true;
    }

    private boolean tryOpen(int i, long now) {
        Target target = targets.get(i);
        try {
            activate(i, factory.open(target));
            return true;
        } catch (UnsupportedTargetException e) {
            unsupported[i] = true;
            reporter.warn("target " + target + " cannot be used: " + e.getMessage()
                    + (i + 1 < targets.size() ? "; using the next target" : ""));
            return false;
        } catch (IOException | RuntimeException e) {
            markDown(i, now, e);
            return false;
        }
    }

    private void activate(int i, Transport t) {
        Target target = targets.get(i);
        String was = lastIndex < 0 ? null : targets.get(lastIndex).toString();
        // Back on the same target: counted and reported as a reconnect only once a send succeeds
        // (confirm), because opening a UDP "connection" succeeds even when nobody listens.
        if (lastIndex != i && i > lastIndex && i > 0) {
            counters.failovers.increment();
            reporter.warn("using fallback target " + target + (was == null ? "" : " instead of " + was));
        } else if (lastIndex >= 0 && i < lastIndex) {
            counters.failbacks.increment();
            reporter.warn("back on preferred target " + target + " (was " + was + ")");
        }
        active = t;
        activeIndex = i;
        lastIndex = i;
        if (i > 0) {
            nextFailbackProbe = System.nanoTime() + config.failbackInterval.toNanos();
        }
    }

    private void lose(Exception e) {
        int i = activeIndex;
        disconnect();
        markDown(i, System.nanoTime(), e);
    }

    private void markDown(int i, long now, Exception e) {
        retryAt[i] = now + delayNanos[i];
        delayNanos[i] = Math.min(delayNanos[i] * 2, config.reconnectMaxDelay.toNanos());
        if (!down[i]) {
            down[i] = true;
            reporter.warn("target " + targets.get(i) + " failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); records wait in the buffer ("
                    + buffer.size() + " of " + buffer.capacity() + ") and the target is retried with back-off");
        }
    }

    private void disconnect() {
        Transport t = active;
        if (t != null) {
            t.close();
        }
        active = null;
        activeIndex = -1;
    }
}
