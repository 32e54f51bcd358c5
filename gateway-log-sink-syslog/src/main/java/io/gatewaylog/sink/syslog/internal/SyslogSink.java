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
 * writer thread never waits on the network; the sender thread does the I/O (see {@link SyslogSender}).
 * {@link #flush} waits, at most {@code flush.timeout}, for the records written so far to leave, and not
 * at all while no target is reachable: then they wait in the buffer instead.
 */
public final class SyslogSink implements LogSink {
    private final SyslogConfig config;
    private final RecordBuffer buffer;
    private final SyslogCounters counters = new SyslogCounters();
    private final ThrottledReporter reporter;
    private final SyslogSender sender;
    private final Thread thread;
    private volatile boolean closed;

    /** Creates the sink and starts its sender thread. */
    public SyslogSink(SyslogConfig config, Reporter reporter) {
        this(config, reporter, true);
    }

    /** With {@code useJna} false, behaves as if JNA were not on the class path (for tests). */
    SyslogSink(SyslogConfig config, Reporter reporter, boolean useJna) {
        this.config = config;
        this.buffer = new RecordBuffer(config.bufferSize);
        this.reporter = new ThrottledReporter(reporter, TimeUnit.SECONDS.toNanos(10));
        boolean tls = config.targets().stream().anyMatch(t -> t.kind() == Target.Kind.TLS);
        SSLContext context = tls ? TlsContexts.create(config) : null;
        this.sender = new SyslogSender(config, buffer, new TransportFactory(config, context, useJna), counters, this.reporter);
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
            reporter.warnThrottled("overflow", "buffer full (" + buffer.capacity() + " records, sink.syslog.buffer.size): "
                    + refused + " records dropped now, " + counters.dropped.sum() + " in all (gateway.log.syslog.dropped)");
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
        if (!sender.isConnected() || config.flushTimeout.isZero()) {
            return;
        }
        try {
            buffer.awaitRemoved(buffer.addedCount(), config.flushTimeout.toNanos());
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
        int left = buffer.clear();
        if (left > 0) {
            counters.dropped.add(left);
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
}
