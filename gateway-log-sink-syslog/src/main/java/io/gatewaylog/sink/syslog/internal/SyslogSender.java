package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.LogRecord;
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
 * <p>The parts: {@link TargetConnection} (the active connection, its probation and sends),
 * {@link TargetOpener} (opening in order, failback probes), {@link TargetStates} (each target's back-off
 * and last failure) and {@link TargetReports} (one stderr line per change that happened, never a
 * "failed"/"reconnected" pair per record, whatever the targets do).
 */
final class SyslogSender implements Runnable {
    private static final int MAX_BATCH = 256;
    private static final long IDLE_WAKE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SyslogConfig config;
    private final RecordBuffer buffer;
    private final StallWatchdog watchdog;
    private final TargetStates targets;
    private final TargetReports reports;
    private final TargetConnection connection;

    private volatile boolean closing;
    private volatile long closeDeadline;
    private boolean finalTry;

    SyslogSender(
            SyslogConfig config,
            RecordBuffer buffer,
            TransportFactory factory,
            SyslogCounters counters,
            ThrottledReporter reporter,
            StallWatchdog watchdog) {
        this.config = config;
        this.buffer = buffer;
        this.watchdog = watchdog;
        this.targets = new TargetStates(config.targets(), config.reconnectDelay, config.reconnectMaxDelay);
        this.reports = new TargetReports(targets, counters, reporter, config.reconnectMaxDelay);
        this.connection = new TargetConnection(config, buffer, factory, counters, reporter, watchdog, targets, reports);
    }

    /**
     * Whether waiting for the sender is worth it: a transport is open and no write on it has been blocked
     * for {@code patienceNanos} or longer.
     */
    boolean isHealthy(long patienceNanos) {
        return connection.isOpen() && watchdog.blockedNanos() < patienceNanos;
    }

    /** The target in use, or null. */
    Target activeTarget() {
        return connection.target();
    }

    /**
     * True while nobody asked for syslog and nothing was ever delivered: the default targets and no
     * collector on this machine. Then the one line said at the start is all stderr gets.
     */
    boolean unaskedAndUnreachable() {
        return config.defaultTargets && !connection.everConfirmed();
    }

    /** How many times a target was opened or tried (for tests: retries happen, whatever stderr says). */
    long opens() {
        return connection.opens();
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
                if (connection.failbackDue(now)) {
                    connection.probeFailback(now);
                }
                connection.confirmHeldIfDue();
                List<LogRecord> batch = buffer.peek(connection.held(), MAX_BATCH, waitNanos(now));
                if (batch.isEmpty()) {
                    continue;
                }
                if (closing && !connection.isOpen() && !finalTry) {
                    // Shutdown does not wait out a back-off: one last try of every target, now.
                    finalTry = true;
                    targets.retryAllNow(System.nanoTime());
                }
                if (!connection.isOpen() && !connection.connect(System.nanoTime())) {
                    if (closing) {
                        break; // nothing reachable: what is left is counted by the sink
                    }
                    if (!reports.outageReported()) {
                        reports.reportOutage(unaskedAndUnreachable(), buffer.size(), buffer.capacity());
                    }
                    waitForRetry();
                    continue;
                }
                connection.send(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connection.disconnect();
        }
    }

    private long waitNanos(long now) {
        long wait = connection.waitNanos(now, IDLE_WAKE_NANOS);
        if (closing) {
            wait = Math.min(wait, Math.max(0, closeDeadline - now));
        }
        return Math.max(wait, 1);
    }

    /** Sleeps until the earliest retry (or close), without holding records. */
    private void waitForRetry() throws InterruptedException {
        long now = System.nanoTime();
        long next = targets.nanosToNextRetry(now);
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
}
