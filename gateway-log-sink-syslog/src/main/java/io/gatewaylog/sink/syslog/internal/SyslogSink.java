package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Measurement;
import io.gatewaylog.api.spi.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Sends records to syslog. {@link #write} only puts records into the sink's bounded buffer, so a
 * writer thread, or an auth caller on its synchronous path, never waits on the network; the sender
 * thread does the I/O (see {@link SyslogSender}), and a {@link StallWatchdog} bounds its writes.
 * {@link #flush} does not wait by default ({@code flush.timeout=0}): the core flushes every sink on
 * each auth call, and a collector that stops reading must cost that call nothing. With a positive
 * {@code flush.timeout} it waits that long at most for the records written so far to leave, and not
 * at all while no target is reachable or the current write is already blocked that long.
 *
 * <p>{@link #write} returns the whole batch as taken: every record is either buffered for sending or,
 * when the buffer is full or the sink closed, counted as this sink's own drop
 * ({@code gateway.log.syslog.dropped}) and reported. Handing overflow back to the core would only move
 * the wait for a dead collector into the core's retry loop, onto the auth caller.
 */
public final class SyslogSink implements LogSink {
    private final SyslogConfig config;
    private final RecordBuffer buffer;
    private final SyslogCounters counters;
    private final ThrottledReporter reporter;
    private final StallWatchdog watchdog;
    private final SyslogSender sender;
    private final Thread thread;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicLong overflowReported =
            new java.util.concurrent.atomic.AtomicLong();

    /** Creates the sink and starts its sender thread. */
    public SyslogSink(SyslogConfig config, Reporter reporter) {
        this(config, reporter, true);
    }

    /** With {@code useJna} false, behaves as if JNA were not on the class path (for tests). */
    SyslogSink(SyslogConfig config, Reporter reporter, boolean useJna) {
        this.config = config;
        this.buffer = new RecordBuffer(config.bufferSize);
        this.counters = new SyslogCounters(config.targets());
        this.reporter = new ThrottledReporter(reporter, TimeUnit.SECONDS.toNanos(10));
        boolean tls = config.targets().stream().anyMatch(t -> t.kind() == Target.Kind.TLS);
        SSLContext context = tls ? TlsContexts.create(config) : null;
        this.watchdog = new StallWatchdog(config.writeTimeout.toNanos());
        this.sender = new SyslogSender(
                config,
                buffer,
                new TransportFactory(config, context, useJna, watchdog),
                counters,
                this.reporter,
                watchdog);
        watchdog.start("gateway-log-syslog-watchdog");
        this.thread = new Thread(sender, "gateway-log-syslog-sender");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public boolean accepts(LogComponent component) {
        return config.accepts(component);
    }

    @Override
    public int write(List<LogRecord> batch) {
        if (closed) {
            counters.dropped.add(batch.size());
            return batch.size();
        }
        List<LogRecord> wanted = batch;
        for (LogRecord r : batch) {
            if (!config.accepts(r.component())) {
                wanted = filter(batch);
                break;
            }
        }
        int refused = buffer.offer(wanted);
        if (refused > 0) {
            counters.dropped.add(refused);
            if (sender.unaskedAndUnreachable()) {
                // Said once already: no collector here, and what overflows is counted, not announced.
                return batch.size();
            }
            reporter.warnThrottled("overflow", () -> {
                long all = counters.dropped.sum();
                long since = all - overflowReported.getAndSet(all);
                return "buffer full (" + buffer.capacity() + " records, sink.syslog.buffer.size): " + since
                        + " records dropped since the last report, " + all + " in all (gateway.log.syslog.dropped)";
            });
        }
        return batch.size();
    }

    private List<LogRecord> filter(List<LogRecord> batch) {
        List<LogRecord> out = new ArrayList<>(batch.size());
        for (LogRecord r : batch) {
            if (config.accepts(r.component())) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public void flush() {
        long timeout = config.flushTimeout.toNanos();
        if (timeout == 0 || !sender.isHealthy(timeout)) {
            return;
        }
        try {
            buffer.awaitRemoved(buffer.addedCount(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long timeout = config.closeTimeout.toNanos();
        sender.close(System.nanoTime() + timeout);
        try {
            thread.join(TimeUnit.NANOSECONDS.toMillis(timeout) + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.stop();
        int left = buffer.clear();
        if (left > 0) {
            counters.dropped.add(left);
            if (sender.unaskedAndUnreachable()) {
                return; // counted; the one line at the start said where these went (nowhere)
            }
            reporter.warn(left + " records could not be sent before shutdown (close.timeout " + config.closeTimeout
                    + ") and are lost");
        }
    }

    @Override
    public List<Measurement> measurements() {
        return counters.measurements(buffer::size);
    }

    /** The target in use, or null while none is reachable (for diagnostics and tests). */
    public Target activeTarget() {
        return sender.activeTarget();
    }

    /** The sender thread (for tests: where it is blocked). */
    Thread senderThread() {
        return thread;
    }

    /** How many times the sender opened or tried a target (for tests). */
    long connectAttempts() {
        return sender.opens();
    }

    /** How long the sender's current socket write has been blocked, 0 if it is not in one (for tests). */
    long writeBlockedNanos() {
        return watchdog.blockedNanos();
    }
}
