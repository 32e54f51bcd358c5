package io.gatewaylog.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gatewaylog.api.Fields;
import io.gatewaylog.api.internal.Failures;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one field value as JSON: maps as objects, collections and arrays as arrays, numbers,
 * booleans, enums and instants as themselves, anything else by its {@code toString()}. Cycles and
 * nesting past {@link #MAX_DEPTH} are cut with a marker; a value that fails to serialize (a
 * {@code toString()} that throws, a collection modified while being read) is written as a
 * description of the failure. Used for one record, by one thread.
 */
final class ValueWriter {
    static final int MAX_DEPTH = 16;
    static final int MIN_STACK_LENGTH = 64 * 1024;

    private final JsonGenerator g;
    private final int maxLength;
    private List<Object> path; // containers being written, to detect cycles; allocated on first container

    ValueWriter(JsonGenerator g, int maxLength) {
        this.g = g;
        this.maxLength = maxLength;
    }

    /** Writes a field name, cleaned like any string value. */
    void fieldName(String name) throws IOException {
        g.writeFieldName(SafeText.clean(name, maxLength));
    }

    void string(String s) throws IOException {
        if (s == null) {
            g.writeNull();
        } else {
            g.writeString(SafeText.clean(s, maxLength));
        }
    }

    /** Stack traces are long by nature: they get their own, larger limit. */
    void longString(String s) throws IOException {
        if (s == null) {
            g.writeNull();
        } else {
            g.writeString(SafeText.clean(s, Math.max(maxLength * 4, MIN_STACK_LENGTH)));
        }
    }

    void number(Object v) throws IOException {
        if (v instanceof CharSequence cs) {
            String s = cs.toString().trim();
            try {
                if (s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
                    double d = Double.parseDouble(s);
                    if (Double.isFinite(d)) {
                        g.writeNumber(d);
                        return;
                    }
                } else {
                    g.writeNumber(Long.parseLong(s));
                    return;
                }
            } catch (NumberFormatException e) {
                // not a number: written as the string it is
            }
        }
        write(v);
    }

    void write(Object v) throws IOException {
        write(v, 0);
    }

    private void write(Object v, int depth) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof AtomicInteger || v instanceof AtomicLong) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeString(Double.toString(d));
            }
        } else if (v instanceof BigDecimal bd) {
            g.writeNumber(bd);
        } else if (v instanceof BigInteger bi) {
            g.writeNumber(bi);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (v instanceof Instant || v instanceof TemporalAccessor) {
            g.writeString(v.toString());
        } else if (v instanceof char[] chars) {
            string(new String(chars)); // text, never an array of characters
        } else if (v instanceof byte[] bytes) {
            g.writeString("[" + bytes.length + " bytes]"); // never the raw bytes
        } else if (v instanceof Map<?, ?> || v instanceof Collection<?> || v.getClass().isArray()) {
            container(v, depth);
        } else {
            string(SafeText.describe(v));
        }
    }

    private void container(Object v, int depth) throws IOException {
        if (depth >= MAX_DEPTH) {
            g.writeString("[max depth " + MAX_DEPTH + "]");
            return;
        }
        if (path == null) {
            path = new ArrayList<>(4);
        }
        for (Object p : path) {
            if (p == v) {
                g.writeString("[cycle]");
                return;
            }
        }
        // Take a snapshot first: a collection modified by another thread while being read must not
        // leave half an object in the line.
        Object[] items;
        Object[] keys = null;
        try {
            if (v instanceof Fields f) {
                int n = f.size();
                keys = new Object[n];
                items = new Object[n];
                for (int i = 0; i < n; i++) {
                    keys[i] = f.keyAt(i);
                    items[i] = f.valueAt(i);
                }
            } else if (v instanceof Map<?, ?> m) {
                int n = m.size();
                keys = new Object[n];
                items = new Object[n];
                int i = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (i == n) {
                        break;
                    }
                    keys[i] = e.getKey();
                    items[i++] = e.getValue();
                }
            } else if (v instanceof Collection<?> c) {
                items = c.toArray();
            } else {
                int n = Array.getLength(v);
                items = new Object[n];
                for (int i = 0; i < n; i++) {
                    items[i] = Array.get(v, i);
                }
            }
        } catch (Throwable e) {
            Failures.rethrowIfFatal(e);
            g.writeString("[unreadable " + v.getClass().getName() + ": " + e.getClass().getName() + "]");
            return;
        }
        path.add(v);
        try {
            if (keys != null) {
                g.writeStartObject();
                for (int i = 0; i < keys.length; i++) {
                    fieldName(keys[i] instanceof String s ? s : SafeText.describe(keys[i]));
                    write(items[i], depth + 1);
                }
                g.writeEndObject();
            } else {
                g.writeStartArray();
                for (Object item : items) {
                    write(item, depth + 1);
                }
                g.writeEndArray();
            }
        } finally {
            path.remove(path.size() - 1);
        }
    }
}
