package io.gatewaylog.core.internal.console;

import io.gatewaylog.api.ErrorInfo;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.core.internal.json.IsoTimestamps;
import io.gatewaylog.core.internal.json.SafeText;
import java.util.Map;

/**
 * The development console's readable line: {@code 2024-01-01T12:00:00.000Z INFO  api endpoint - message
 * key=value ...}. Control characters are escaped ({@code \n}, {@code \r}, {@code \t}, {@code \u001b}),
 * so a value can never start a second line or drive the terminal.
 */
final class TextLineFormatter {
    private final IsoTimestamps timestamps = new IsoTimestamps();
    private final int maxValueLength;

    TextLineFormatter(int maxValueLength) {
        this.maxValueLength = maxValueLength;
    }

    String format(LogRecord r) {
        StringBuilder b = new StringBuilder(160);
        b.append(timestamps.format(r.epochMillis())).append(' ');
        String level = r.level().name();
        b.append(level);
        for (int i = level.length(); i < 5; i++) {
            b.append(' ');
        }
        b.append(' ').append(r.component().id()).append(' ');
        escape(b, r.logger());
        b.append(" - ");
        escape(b, r.message() == null ? "null" : r.message());
        for (Map.Entry<String, String> e : r.context().entrySet()) {
            if (!r.fields().containsKey(e.getKey())
                    && e.getValue() != null
                    && !e.getValue().isEmpty()) {
                pair(b, e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, Object> e : r.fields().entrySet()) {
            pair(b, e.getKey(), e.getValue());
        }
        ErrorInfo error = r.error();
        if (error != null) {
            pair(b, "error", error.stack().isEmpty() ? error.toString() : error.stack());
        }
        return b.append('\n').toString();
    }

    private void pair(StringBuilder b, String key, Object value) {
        b.append(' ');
        escape(b, key);
        b.append('=');
        escape(b, SafeText.describe(value));
    }

    private void escape(StringBuilder b, String s) {
        String t = SafeText.clean(s, maxValueLength);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= 0x20 && c != 0x7f && c != '\u2028' && c != '\u2029') {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
    }
}
