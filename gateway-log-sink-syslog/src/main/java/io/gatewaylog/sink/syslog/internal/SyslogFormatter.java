package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.LogRecord;

/** Turns a record into the bytes of one syslog message (without transport framing). */
interface SyslogFormatter {

    /** Appended where a message was cut to the transport's limit. */
    String TRUNCATION_MARKER = "...[truncated]";

    /**
     * Formats {@code record} into at most {@code maxBytes} bytes of UTF-8.
     *
     * @param escapeNewlines whether CR and LF must be written as {@code #015} and {@code #012} (the
     *        notation rsyslog uses), because the framing would otherwise split the record in two
     */
    FormattedMessage format(LogRecord record, int maxBytes, boolean escapeNewlines);

    static SyslogFormatter of(SyslogConfig config) {
        return config.format == SyslogConfig.Format.RFC3164
                ? new Rfc3164Formatter(config)
                : new Rfc5424Formatter(config);
    }
}
