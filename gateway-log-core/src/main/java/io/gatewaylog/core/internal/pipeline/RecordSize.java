package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.ErrorInfo;
import io.gatewaylog.api.Fields;
import io.gatewaylog.api.LogRecord;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A cheap estimate of the heap a queued record keeps alive, for {@code buffer.max.bytes}: its strings
 * by length (one byte per character, as Latin-1 strings are stored; text outside Latin-1 takes twice
 * what is counted), its fields walked (containers sampled: at most {@value #SAMPLE} elements looked at,
 * the rest counted at their average), and its error's rendered text. It calls no user code other than
 * collections' {@code size()}, {@code forEach} and iterators (never {@code toString()}), allocates
 * nothing for {@code Fields} and next to nothing for small maps, and never throws. It is a pure function of an immutable record, so the estimate
 * is made once, at offer, and the queue keeps it next to the record (one {@code int} per slot).
 *
 * <p>A record with a throwable has its stack rendered here if the sanitizer did not already do it (it
 * does for every sanitized component): the rendered text is what the record keeps, and what the writer
 * would render anyway.
 */
final class RecordSize {
    static final int RECORD = 136; // the record object, its queue slot, its share of logger and thread names
    static final int STRING = 40; // a String and its array's headers
    static final int ENTRY = 32; // a map entry's share of its map
    static final int SMALL = 16; // a boxed number, a boolean, an enum reference
    static final int OBJECT = 64; // any other value (never rendered to find out)
    static final int THROWABLE = 256;
    static final int SAMPLE = 16;
    private static final int MAX_DEPTH = 4;
    /** A record whose walk failed. */
    static final int UNKNOWN = 64 * 1024;

    private RecordSize() {}

    static int estimate(LogRecord r) {
        try {
            long n = RECORD + text(r.message()) + map(r.fields(), 0);
            // The context is the thread's shared, immutable map: only this record's reference to it counts.
            n += (long) r.context().size() * 8;
            ErrorInfo e = r.error(); // without a cause, a plain read
            if (e != null) {
                n += THROWABLE + text(e.type()) + text(e.message()) + text(e.stack());
                // The throwable's own frames, filled in when it was printed: about one object per line.
                n += r.cause() != null ? e.stack().length() / 2 : 0;
            }
            return (int) Math.min(n, Integer.MAX_VALUE);
        } catch (RuntimeException | Error e) {
            // Values are rendered to immutable forms at the call, so this should not happen; if it does,
            // err on the side of the bound: counted as a large record, never as a small one.
            return UNKNOWN;
        }
    }

    private static long text(String s) {
        return s == null ? 0 : STRING + s.length();
    }

    private static long value(Object v, int depth) {
        if (v == null) {
            return 0;
        }
        if (v instanceof String s) {
            return text(s);
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof Enum<?>) {
            return SMALL;
        }
        if (depth >= MAX_DEPTH) {
            return OBJECT;
        }
        if (v instanceof Map<?, ?> m) {
            return map(m, depth + 1);
        }
        if (v instanceof Collection<?> c) {
            return collection(c, depth + 1);
        }
        if (v instanceof byte[] b) {
            return SMALL + b.length;
        }
        if (v instanceof char[] c) {
            return SMALL + 2L * c.length;
        }
        if (v instanceof Object[] a) {
            return array(a, depth + 1);
        }
        if (v.getClass().isArray()) {
            return SMALL + 8L * java.lang.reflect.Array.getLength(v);
        }
        return OBJECT;
    }

    private static long map(Map<?, ?> m, int depth) {
        int size = m.size();
        if (size == 0) {
            return 0;
        }
        if (m instanceof Fields f) {
            long n = 48;
            int look = Math.min(size, SAMPLE);
            long sampled = 0;
            for (int i = 0; i < look; i++) {
                sampled += ENTRY + text(f.keyAt(i)) + value(f.valueAt(i), depth);
            }
            return n + scale(sampled, look, size);
        }
        if (size <= SAMPLE) {
            // forEach rather than an iterator: the JDK's immutable maps make an entry object per step
            Sum sum = new Sum(depth);
            m.forEach(sum);
            return 48 + sum.bytes;
        }
        long sampled = 0;
        int look = 0;
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        while (look < SAMPLE && it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            Object k = e.getKey();
            sampled += ENTRY + (k instanceof String s ? text(s) : OBJECT) + value(e.getValue(), depth);
            look++;
        }
        return 48 + scale(sampled, look, size);
    }

    /** Adds up a small map's entries (one short-lived object, which escape analysis usually removes). */
    private static final class Sum implements BiConsumer<Object, Object> {
        private final int depth;
        long bytes;

        Sum(int depth) {
            this.depth = depth;
        }

        @Override
        public void accept(Object k, Object v) {
            bytes += ENTRY + (k instanceof String s ? text(s) : OBJECT) + value(v, depth);
        }
    }

    private static long collection(Collection<?> c, int depth) {
        int size = c.size();
        long sampled = 0;
        int look = 0;
        Iterator<?> it = c.iterator();
        while (look < SAMPLE && it.hasNext()) {
            sampled += 8 + value(it.next(), depth);
            look++;
        }
        return 48 + scale(sampled, look, size);
    }

    private static long array(Object[] a, int depth) {
        int look = Math.min(a.length, SAMPLE);
        long sampled = 0;
        for (int i = 0; i < look; i++) {
            sampled += 8 + value(a[i], depth);
        }
        return SMALL + scale(sampled, look, a.length);
    }

    private static long scale(long sampled, int looked, int size) {
        return looked == 0 || looked >= size ? sampled : sampled / looked * size;
    }
}
