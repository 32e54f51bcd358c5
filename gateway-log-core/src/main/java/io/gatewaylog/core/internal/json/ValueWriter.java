package io.gatewaylog.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
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
 * nesting past {@link Nesting#MAX_DEPTH} are cut with a marker; a value that fails to serialize (a
 * {@code toString()} that throws, a collection modified while being read) is written as a
 * description of the failure. Used for one record, by one thread.
 */
final class ValueWriter {
    static final int MIN_STACK_LENGTH = 64 * 1024;

    private final JsonGenerator g;
    private final int maxLength;
    private final SerializedStrings strings;
    private List<Object> path; // containers being written, to detect cycles; allocated on first container

    ValueWriter(JsonGenerator g, int maxLength) {
        this.g = g;
        this.maxLength = maxLength;
        this.strings = new SerializedStrings(s -> SafeText.clean(s, maxLength));
    }

    /** Writes a field name, cleaned like any string value. */
    void fieldName(String name) throws IOException {
        SerializableString ready = strings.lookup(name);
        if (ready != null) {
            g.writeFieldName(ready);
        } else {
            g.writeFieldName(SafeText.clean(name, maxLength));
        }
    }

    /** Writes a field name that is already cleaned and ready ({@link SerializedStrings}). */
    void fieldName(SerializableString name) throws IOException {
        g.writeFieldName(name);
    }

    void string(String s) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        SerializableString ready = strings.lookup(s);
        if (ready != null) {
            g.writeString(ready);
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
        } else if (v instanceof Integer
                || v instanceof Long
                || v instanceof Short
                || v instanceof Byte
                || v instanceof AtomicInteger
                || v instanceof AtomicLong) {
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
        } else if (v instanceof Map<?, ?>
                || v instanceof Collection<?>
                || v.getClass().isArray()) {
            container(v, depth);
        } else {
            string(SafeText.describe(v));
        }
    }

    private void container(Object v, int depth) throws IOException {
        if (depth >= Nesting.MAX_DEPTH) {
            g.writeString(Nesting.MAX_DEPTH_MARKER);
            return;
        }
        if (onPath(v)) {
            g.writeString("[cycle]");
            return;
        }
        // Take a snapshot first: a collection modified by another thread while being read must not
        // leave half an object in the line.
        Object[] items;
        try {
            items = snapshot(v);
        } catch (Throwable e) {
            Failures.rethrowIfFatal(e);
            g.writeString("[unreadable " + v.getClass().getName() + ": "
                    + e.getClass().getName() + "]");
            return;
        }
        path.add(v);
        try {
            if (v instanceof Map<?, ?>) {
                object(items, depth);
            } else {
                array(items, depth);
            }
        } finally {
            path.remove(path.size() - 1);
        }
    }

    private boolean onPath(Object v) {
        if (path == null) {
            path = new ArrayList<>(4);
        }
        for (Object p : path) {
            if (p == v) {
                return true;
            }
        }
        return false;
    }

    /** A map's keys and values, interleaved; a collection's or an array's elements. */
    private static Object[] snapshot(Object v) {
        if (v instanceof Fields f) {
            int n = f.size();
            Object[] kv = new Object[2 * n];
            for (int i = 0; i < n; i++) {
                kv[2 * i] = f.keyAt(i);
                kv[2 * i + 1] = f.valueAt(i);
            }
            return kv;
        }
        if (v instanceof Map<?, ?> m) {
            int n = m.size();
            Object[] kv = new Object[2 * n];
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (i == 2 * n) {
                    break;
                }
                kv[i++] = e.getKey();
                kv[i++] = e.getValue();
            }
            return kv;
        }
        if (v instanceof Collection<?> c) {
            return c.toArray();
        }
        int n = Array.getLength(v);
        Object[] items = new Object[n];
        for (int i = 0; i < n; i++) {
            items[i] = Array.get(v, i);
        }
        return items;
    }

    private void object(Object[] kv, int depth) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < kv.length; i += 2) {
            fieldName(kv[i] instanceof String s ? s : SafeText.describe(kv[i]));
            write(kv[i + 1], depth + 1);
        }
        g.writeEndObject();
    }

    private void array(Object[] items, int depth) throws IOException {
        g.writeStartArray();
        for (Object item : items) {
            write(item, depth + 1);
        }
        g.writeEndArray();
    }
}
