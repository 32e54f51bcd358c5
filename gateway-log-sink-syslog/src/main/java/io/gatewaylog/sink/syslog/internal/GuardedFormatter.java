package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.LogRecord;

/**
 * Formats records for a transport and never fails: a formatter failure (a bug, or a field whose
 * {@code toString()} throws) yields the record without its fields, because a record that cannot be
 * formatted would otherwise stay at the head of the buffer and be retried forever. Truncations are
 * counted and reported (throttled).
 */
final class GuardedFormatter {
    private final SyslogFormatter formatter;
    private final SyslogCounters counters;
    private final ThrottledReporter reporter;

    GuardedFormatter(SyslogFormatter formatter, SyslogCounters counters, ThrottledReporter reporter) {
        this.formatter = formatter;
        this.counters = counters;
        this.reporter = reporter;
    }

    /** The bytes of {@code r} as {@code t} carries them. */
    byte[] format(LogRecord r, Transport t) {
        FormattedMessage m = formatOrPlain(r, t);
        if (m.truncated()) {
            counters.truncated.increment();
            reporter.warnThrottled(
                    "truncated",
                    "a record of component " + r.component().id()
                            + " was longer than " + t.maxMessageSize() + " bytes and was truncated (counted in "
                            + "gateway.log.syslog.truncated; see sink.syslog.max.message.size)");
        }
        return m.bytes();
    }

    private FormattedMessage formatOrPlain(LogRecord r, Transport t) {
        try {
            return formatter.format(r, t.maxMessageSize(), t.needsNewlineEscaping());
        } catch (RuntimeException e) {
            reporter.warnThrottled(
                    "format",
                    "a record of component " + r.component().id() + " could not be formatted (" + e
                            + "); sent without its fields");
            LogRecord plain = LogRecord.builder()
                    .epochMillis(r.epochMillis())
                    .level(r.level())
                    .component(r.component())
                    .logger(r.logger())
                    .message(SdNames.text(r.message()))
                    .build();
            return formatter.format(plain, t.maxMessageSize(), t.needsNewlineEscaping());
        }
    }
}
