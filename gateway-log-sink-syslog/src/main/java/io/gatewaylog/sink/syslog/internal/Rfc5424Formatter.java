package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.ErrorInfo;
import io.gatewaylog.api.LogRecord;
import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * RFC 5424 messages: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] MSG}. The record's
 * context and fields become the parameters of one SD element (by default {@code gateway@32473}, 32473
 * being the enterprise number RFC 5612 reserves for documentation; set your own with {@code sd.id}).
 */
final class Rfc5424Formatter implements SyslogFormatter {
    // Fixed three fraction digits: ISO_INSTANT would drop them on a whole second.
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] MARKER = Utf8.bytes(TRUNCATION_MARKER);

    private final SyslogConfig config;
    private final String procId =
            SdNames.printable(String.valueOf(ProcessHandle.current().pid()), 128);

    Rfc5424Formatter(SyslogConfig config) {
        this.config = config;
    }

    @Override
    public FormattedMessage format(LogRecord record, int maxBytes, boolean escapeNewlines) {
        byte[] header = Utf8.bytes(header(record));
        String message = record.message() == null ? "" : record.message();
        if (escapeNewlines) {
            message = Utf8.escapeNewlines(message);
        }
        byte[] msg = Utf8.bytes(message);
        byte[] sd = Utf8.bytes(structuredData(record, Integer.MAX_VALUE, escapeNewlines));
        int bom = config.bom ? BOM.length : 0;
        int full = header.length + sd.length + (msg.length == 0 ? 0 : 1 + bom + msg.length);
        if (full <= maxBytes) {
            return new FormattedMessage(join(header, sd, msg), false);
        }
        int room = maxBytes - header.length - sd.length - 1 - bom - MARKER.length;
        if (room >= 0) {
            return new FormattedMessage(join(header, sd, concat(Utf8.cut(msg, room), MARKER)), true);
        }
        // The fields alone are too large: keep those that fit, then only the marker as the message.
        int sdRoom = maxBytes - header.length - 1 - bom - MARKER.length;
        byte[] smallSd = Utf8.bytes(structuredData(record, sdRoom, escapeNewlines));
        byte[] out = join(header, smallSd, MARKER);
        return new FormattedMessage(Utf8.cut(out, maxBytes), true);
    }

    private String header(LogRecord record) {
        int pri = Severity.pri(config.facilities.get(record.component()), record.level());
        return "<" + pri + ">1 " + TIMESTAMP.format(record.timestamp()) + " " + config.hostname + " " + config.appName
                + " " + procId + " " + msgId(record) + " ";
    }

    private String msgId(LogRecord record) {
        String id = null;
        if (config.msgIdField != null) {
            Object v = record.fields().get(config.msgIdField);
            if (v == null) {
                v = record.context().get(config.msgIdField);
            }
            id = v == null ? null : SdNames.printable(SdNames.text(v), 32);
        }
        if (id == null || id.isEmpty()) {
            id = record.component().id();
        }
        return id;
    }

    /** The SD element, or {@code -}; parameters that would take it over {@code max} bytes are left out. */
    private String structuredData(LogRecord record, int max, boolean escapeNewlines) {
        if (config.sdId == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(128).append('[').append(config.sdId);
        int bytes = b.length() + 1;
        int params = 0;
        StringBuilder p = new StringBuilder(64);
        if (!record.logger().isEmpty()) {
            bytes = add(b, p, "logger", record.logger(), bytes, max, escapeNewlines);
            params++;
        }
        for (Map.Entry<String, String> e : record.context().entrySet()) {
            bytes = add(b, p, e.getKey(), e.getValue(), bytes, max, escapeNewlines);
            params++;
        }
        for (Map.Entry<String, Object> e : record.fields().entrySet()) {
            bytes = add(b, p, e.getKey(), e.getValue(), bytes, max, escapeNewlines);
            params++;
        }
        ErrorInfo error = record.error();
        if (error != null) {
            bytes = add(b, p, "error.type", error.type(), bytes, max, escapeNewlines);
            bytes = add(b, p, "error.message", error.message(), bytes, max, escapeNewlines);
            params += 2;
        }
        if (params == 0 || b.length() == 1 + config.sdId.length()) {
            return "-";
        }
        return b.append(']').toString();
    }

    private static int add(
            StringBuilder b, StringBuilder p, String key, Object value, int bytes, int max, boolean escapeNewlines) {
        p.setLength(0);
        p.append(' ').append(SdNames.paramName(key)).append("=\"");
        String v = SdNames.text(value);
        SdNames.appendEscaped(p, escapeNewlines ? Utf8.escapeNewlines(v) : v);
        p.append('"');
        int size = Utf8.bytes(p.toString()).length;
        if (max != Integer.MAX_VALUE && bytes + size > max) {
            return bytes;
        }
        b.append(p);
        return bytes + size;
    }

    private byte[] join(byte[] header, byte[] sd, byte[] msg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + sd.length + msg.length + 4);
        out.writeBytes(header);
        out.writeBytes(sd);
        if (msg.length > 0) {
            out.write(' ');
            if (config.bom) {
                out.writeBytes(BOM);
            }
            out.writeBytes(msg);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
