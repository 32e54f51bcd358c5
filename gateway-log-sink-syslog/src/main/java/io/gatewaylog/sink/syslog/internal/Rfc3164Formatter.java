package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.LogRecord;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The older BSD format (RFC 3164): {@code <PRI>Mmm dd hh:mm:ss HOSTNAME TAG[PID]: MSG}. Its timestamp has
 * no zone and no year; we write UTC, like the rest of the product. It has no structured data, so the
 * fields follow the message as {@code key="value"} pairs.
 */
final class Rfc3164Formatter implements SyslogFormatter {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final byte[] MARKER = Utf8.bytes(TRUNCATION_MARKER);

    private final SyslogConfig config;
    private final String tag;
    private final long pid = ProcessHandle.current().pid();

    Rfc3164Formatter(SyslogConfig config) {
        this.config = config;
        // RFC 3164 section 4.1.3: the TAG is at most 32 alphanumeric characters.
        String t = config.appName.replaceAll("[^A-Za-z0-9_.-]", "_");
        this.tag = t.length() > 32 ? t.substring(0, 32) : t;
    }

    @Override
    public FormattedMessage format(LogRecord record, int maxBytes, boolean escapeNewlines) {
        int pri = Severity.pri(config.facilities.get(record.component()), record.level());
        StringBuilder b = new StringBuilder(128)
                .append('<')
                .append(pri)
                .append('>')
                .append(TIMESTAMP.format(record.timestamp()))
                .append(' ')
                .append(config.hostname)
                .append(' ')
                .append(tag)
                .append('[')
                .append(pid)
                .append("]: ");
        b.append(record.message() == null ? "" : record.message());
        for (Map.Entry<String, String> e : record.context().entrySet()) {
            append(b, e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : record.fields().entrySet()) {
            append(b, e.getKey(), e.getValue());
        }
        String text = escapeNewlines ? Utf8.escapeNewlines(b.toString()) : b.toString();
        byte[] bytes = Utf8.bytes(text);
        if (bytes.length <= maxBytes) {
            return new FormattedMessage(bytes, false);
        }
        byte[] head = Utf8.cut(bytes, maxBytes - MARKER.length);
        byte[] out = new byte[head.length + MARKER.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(MARKER, 0, out, head.length, MARKER.length);
        return new FormattedMessage(out, true);
    }

    private static void append(StringBuilder b, String key, Object value) {
        b.append(' ').append(SdNames.paramName(key)).append("=\"");
        SdNames.appendEscaped(b, SdNames.text(value));
        b.append('"');
    }
}
