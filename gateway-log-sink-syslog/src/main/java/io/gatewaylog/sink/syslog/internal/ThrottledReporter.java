package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.spi.Reporter;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passes warnings to the backend's {@link Reporter}, each kind at most once per interval, so that an
 * outage under load yields a few lines on stderr rather than one per record. Counters carry the totals.
 */
final class ThrottledReporter {
    private final Reporter reporter;
    private final long intervalNanos;
    private final ConcurrentHashMap<String, Long> last = new ConcurrentHashMap<>();

    ThrottledReporter(Reporter reporter, long intervalNanos) {
        this.reporter = reporter;
        this.intervalNanos = intervalNanos;
    }

    /** Reports now, whatever was reported before. */
    void warn(String message) {
        reporter.warn("syslog: " + message);
    }

    /** Reports unless a warning of the same {@code kind} went out less than an interval ago. */
    void warnThrottled(String kind, String message) {
        warnThrottled(kind, () -> message);
    }

    /** As {@link #warnThrottled(String, String)}, making the message only when it is reported. */
    void warnThrottled(String kind, java.util.function.Supplier<String> message) {
        long now = System.nanoTime();
        Long previous = last.get(kind);
        if (previous != null && now - previous < intervalNanos) {
            return;
        }
        if (previous == null ? last.putIfAbsent(kind, now) == null : last.replace(kind, previous, now)) {
            warn(message.get());
        }
    }
}
