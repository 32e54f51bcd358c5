package io.gatewaylog.core.internal.logger;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.internal.Failures;
import io.gatewaylog.api.internal.ApiAccess;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.RandomAccess;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fixes a record's field values at the log call: what the caller hands over is rendered into immutable
 * values before the call returns, so a caller that changes its {@code HashMap}, list, array or
 * {@code StringBuilder} afterwards changes nothing that reaches a sink (docs/ARCHITECTURE.md, "Caller
 * side"). The results are the only types the sanitizer and the encoders meet:
 * <ul>
 * <li>kept as they are: {@code String}, the boxed primitives, {@code Boolean}, {@code Character},
 * {@code BigInteger}/{@code BigDecimal} (exact classes), {@code UUID}, the {@code java.time} types;</li>
 * <li>maps become {@link Fields} (keys of any type rendered to text), collections and arrays of objects
 * unmodifiable lists; an immutable container ({@code Fields}, {@code Map.of}, {@code List.of}, ...)
 * whose values need nothing is kept as it is, so the usual call allocates nothing here;</li>
 * <li>{@code char[]} and any other {@code CharSequence} become a {@code String}; {@code byte[]} becomes
 * {@code "[N bytes]"} (never its content); other primitive arrays lists of their boxed values;</li>
 * <li>atomic and adder numbers their current value; enums their name; {@code Optional}s their value or
 * null;</li>
 * <li>anything else its {@code toString()}.</li>
 * </ul>
 * Nothing here throws: a {@code toString()} or a container that fails, with any {@code Throwable}
 * ({@link Failures}), becomes a marker in place of that value and the rest of the record is kept.
 * Nesting is cut at {@link #MAX_DEPTH} as the encoder does, a cycle with {@code "[cycle]"}, a container
 * after {@link #MAX_ELEMENTS} elements, and a record's values after {@link #MAX_VALUES} in all: a small
 * structure that holds the same container many times over (a DAG) would otherwise expand exponentially
 * on the caller's thread and in every later walk (sanitizer, size estimate, encoder).
 */
public final class ValueRenderer {
    /** As deep as the JSON encoder writes. */
    public static final int MAX_DEPTH = 16;
    /** Elements rendered per container; the rest are counted in a last element. */
    public static final int MAX_ELEMENTS = 10_000;
    /** Values rendered per record, containers' elements at every depth counted. */
    public static final int MAX_VALUES = 100_000;
    static final String MAX_DEPTH_MARKER = "[max depth " + MAX_DEPTH + "]";
    static final String CYCLE_MARKER = "[cycle]";
    static final String TOO_MANY_MARKER = "[more than " + MAX_VALUES + " values]";

    /** What is left of a record's {@link #MAX_VALUES}, shared by every container of one rendering. */
    private static final class Budget {
        long left;

        Budget(long left) {
            this.left = left;
        }
    }

    private ValueRenderer() {
    }

    /** The mutable containers being rendered, innermost first: only they can close a cycle. */
    private record Path(Object container, Path outer, Budget budget) {
        boolean contains(Object c) {
            for (Path p = this; p != null; p = p.outer) {
                if (p.container == c) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The record's fields, rendered; the same instance when nothing needed rendering. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> fields(Map<String, ?> fields) {
        if (fields == null) {
            return Map.of();
        }
        try {
            if (fields.isEmpty()) {
                return Map.of();
            }
        } catch (Throwable t) { // a user's map whose isEmpty fails: the record keeps its message
            Failures.rethrowIfFatal(t);
            return Fields.of("fields", Failures.marker("reading", fields, t));
        }
        Object r = render(fields, -1, null); // the record's own map: its values are at depth 0, as the encoder counts
        if (r instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        return Fields.of("fields", r); // the map itself could not be read: keep the marker
    }

    /** One value, rendered. */
    public static Object value(Object v) {
        return render(v, 0, null);
    }

    static Object render(Object v, int depth, Path path) {
        // the record's own fields (depth 0) are kept whatever a sibling spent: they are few (MAX_ELEMENTS)
        if (path != null && --path.budget.left < 0 && depth > 0) {
            return TOO_MANY_MARKER;
        }
        if (scalar(v)) {
            return v;
        }
        try {
            // What the check walks is spent from the record's budget whether or not it succeeds, so
            // checking and rendering together stay within MAX_VALUES steps per record.
            long r = settled(v, depth, path == null ? MAX_VALUES : path.budget.left);
            long remaining = r >= 0 ? r : -1 - r;
            if (path != null) {
                path.budget.left = remaining;
            }
            if (r >= 0) {
                return v;
            }
            if (v instanceof Enum<?> e) {
                return e.name();
            }
            if (v instanceof Number n) {
                return number(n);
            }
            if (v instanceof char[] chars) {
                return new String(chars);
            }
            if (v instanceof byte[] bytes) {
                return "[" + bytes.length + " bytes]";
            }
            if (v instanceof CharSequence cs) {
                return text(cs);
            }
            if (v instanceof Optional<?> o) {
                return render(o.orElse(null), depth, path);
            }
            if (v instanceof OptionalInt o) {
                return o.isPresent() ? (Object) o.getAsInt() : null;
            }
            if (v instanceof OptionalLong o) {
                return o.isPresent() ? (Object) o.getAsLong() : null;
            }
            if (v instanceof OptionalDouble o) {
                return o.isPresent() ? (Object) o.getAsDouble() : null;
            }
            if (v instanceof Map<?, ?> || v instanceof Collection<?> || v.getClass().isArray()) {
                if (depth >= MAX_DEPTH) {
                    return MAX_DEPTH_MARKER;
                }
                if (path != null && path.contains(v)) {
                    return CYCLE_MARKER;
                }
                Path inner = new Path(v, path, path == null ? new Budget(remaining) : path.budget);
                if (v instanceof Map<?, ?> m) {
                    return map(m, depth, inner);
                }
                if (v instanceof Collection<?> c) {
                    return collection(c, depth, inner);
                }
                return array(v, depth, inner);
            }
        } catch (Throwable t) {
            Failures.rethrowIfFatal(t);
            return Failures.marker("rendering", v, t);
        }
        return text(v);
    }

    /** Values kept as they are: immutable, and written without calling user code. */
    private static boolean scalar(Object v) {
        if (v == null || v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean
                || v instanceof Double || v instanceof Float || v instanceof Short || v instanceof Byte
                || v instanceof Character || v instanceof UUID || v instanceof Duration) {
            return true;
        }
        Class<?> c = v.getClass();
        return c == BigDecimal.class || c == BigInteger.class || c.getName().startsWith("java.time.");
    }

    /**
     * Whether {@code v} is a scalar, or an immutable container ({@code Fields}, {@code Map.of},
     * {@code List.of}, ...) of settled values within the limits: then it is kept, and the usual call
     * allocates nothing here. Calls no user code. Every value met is counted against {@code budget} (a
     * container held twice is counted twice, as every later walk meets it twice). Answers what is left of
     * the budget when {@code v} is settled, and {@code -1 - left} when it is not (or the budget ran out),
     * so the caller knows what the walk spent either way.
     */
    private static long settled(Object v, int depth, long budget) {
        if (budget < 0) {
            return -1;
        }
        if (scalar(v)) {
            return budget;
        }
        if (depth >= MAX_DEPTH) {
            return -1 - budget;
        }
        long left = budget;
        if (v instanceof Fields f) {
            for (int i = 0, n = f.size(); i < n && left >= 0; i++) {
                left = settled(f.valueAt(i), depth + 1, left - 1);
            }
            return left;
        }
        if (!v.getClass().getName().startsWith("java.util.ImmutableCollections$")) {
            return -1 - left;
        }
        if (v instanceof Map<?, ?> m) {
            if (m.size() > MAX_ELEMENTS) {
                return -1 - left;
            }
            SettledCheck check = new SettledCheck(depth + 1, left);
            m.forEach(check);
            return check.left;
        }
        if (v instanceof List<?> l && v instanceof RandomAccess) {
            int n = l.size();
            if (n > MAX_ELEMENTS) {
                return -1 - left;
            }
            for (int i = 0; i < n && left >= 0; i++) {
                left = settled(l.get(i), depth + 1, left - 1);
            }
            return left;
        }
        if (v instanceof Collection<?> c) {
            if (c.size() > MAX_ELEMENTS) {
                return -1 - left;
            }
            for (Object e : c) {
                if (left < 0) {
                    break;
                }
                left = settled(e, depth + 1, left - 1);
            }
            return left;
        }
        return -1 - left;
    }

    private static final class SettledCheck implements java.util.function.BiConsumer<Object, Object> {
        private final int depth;
        long left;

        SettledCheck(int depth, long budget) {
            this.depth = depth;
            this.left = budget;
        }

        @Override
        public void accept(Object k, Object v) {
            if (left >= 0) {
                left = k instanceof String ? settled(v, depth, left - 1) : -1 - left;
            }
        }
    }

    /** {@code toString()}, or a marker when it throws (any {@code Throwable}, an {@code Error} included). */
    static String text(Object v) {
        return Failures.text(v);
    }

    private static Object number(Number n) {
        if (n instanceof AtomicInteger || n instanceof AtomicLong || n instanceof LongAdder || n instanceof LongAccumulator) {
            return n.longValue();
        }
        if (n instanceof DoubleAdder || n instanceof DoubleAccumulator) {
            return n.doubleValue();
        }
        // A subclass of BigInteger or BigDecimal may be mutable: take its value into the exact class.
        if (n instanceof BigInteger bi) {
            return new BigInteger(bi.toByteArray());
        }
        if (n instanceof BigDecimal bd) {
            return new BigDecimal(new BigInteger(bd.unscaledValue().toByteArray()), bd.scale());
        }
        return text(n);
    }

    /** A map key as text: keys of any type are written, and scanned, as strings. */
    static String key(Object k) {
        if (k instanceof String s) {
            return s;
        }
        if (k == null) {
            return "null";
        }
        if (k instanceof char[] chars) {
            return new String(chars);
        }
        if (k instanceof Map<?, ?> || k instanceof Collection<?> || k.getClass().isArray()) {
            return text(k);
        }
        Object r = render(k, 0, null);
        return r instanceof String s ? s : text(r);
    }

    private static Object map(Map<?, ?> m, int depth, Path path) {
        if (m instanceof Fields f) {
            Object[] kv = new Object[2 * f.size()];
            for (int i = 0, n = f.size(); i < n; i++) {
                kv[2 * i] = f.keyAt(i);
                kv[2 * i + 1] = render(f.valueAt(i), depth + 1, path);
            }
            return ApiAccess.trustedFields(kv, f.size()); // its keys are distinct strings already
        }
        MapCopy copy = new MapCopy(m.size(), depth + 1, path);
        try {
            m.forEach(copy);
        } catch (Throwable t) {
            Failures.rethrowIfFatal(t);
            return Failures.marker("reading", m, t);
        }
        return copy.result();
    }

    /** Collects a map's rendered entries; counts what is beyond {@link #MAX_ELEMENTS}. */
    private static final class MapCopy implements java.util.function.BiConsumer<Object, Object> {
        private Object[] kv;
        private int n;
        private int skipped;
        private final int depth;
        private final Path path;
        private boolean otherKeys;

        MapCopy(int size, int depth, Path path) {
            this.kv = new Object[2 * Math.min(Math.max(size, 1), MAX_ELEMENTS + 1)];
            this.depth = depth;
            this.path = path;
        }

        @Override
        public void accept(Object k, Object v) {
            if (n / 2 >= MAX_ELEMENTS) {
                skipped++;
                return;
            }
            if (n == kv.length) {
                kv = Arrays.copyOf(kv, Math.min(2 * kv.length, 2 * (MAX_ELEMENTS + 1)));
            }
            if (k instanceof String s) {
                kv[n++] = s;
            } else {
                otherKeys = true;
                kv[n++] = key(k);
            }
            kv[n++] = render(v, depth, path);
        }

        Fields result() {
            if (skipped > 0) {
                kv[n++] = "…";
                kv[n++] = "[" + skipped + " more entries]";
                otherKeys = true;
            }
            // A map's string keys are distinct: trusted as they are. Keys of other types can meet as text
            // (two objects with the same toString()): those go through the check, the later one wins.
            return otherKeys ? Fields.of(Arrays.copyOf(kv, n)) : ApiAccess.trustedFields(kv, n / 2);
        }
    }

    private static Object collection(Collection<?> c, int depth, Path path) {
        Object[] out;
        int n = 0;
        int skipped = 0;
        try {
            if (c instanceof List<?> list && c instanceof RandomAccess) {
                int size = list.size();
                out = new Object[Math.min(size, MAX_ELEMENTS)];
                for (int i = 0; i < size; i++) {
                    if (n >= MAX_ELEMENTS) {
                        skipped = size - i;
                        break;
                    }
                    out[n++] = render(list.get(i), depth + 1, path);
                }
            } else {
                out = new Object[Math.min(Math.max(c.size(), 1), MAX_ELEMENTS)];
                for (Iterator<?> it = c.iterator(); it.hasNext(); ) {
                    Object v = it.next();
                    if (n >= MAX_ELEMENTS) {
                        skipped++;
                        continue;
                    }
                    if (n == out.length) {
                        out = Arrays.copyOf(out, Math.min(2 * out.length, MAX_ELEMENTS));
                    }
                    out[n++] = render(v, depth + 1, path);
                }
            }
        } catch (Throwable t) {
            Failures.rethrowIfFatal(t);
            return Failures.marker("reading", c, t);
        }
        return list(out, n, skipped);
    }

    private static Object array(Object a, int depth, Path path) {
        int length = java.lang.reflect.Array.getLength(a);
        int n = Math.min(length, MAX_ELEMENTS);
        Object[] out = new Object[n];
        if (a instanceof Object[] objects) {
            for (int i = 0; i < n; i++) {
                out[i] = render(objects[i], depth + 1, path);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = java.lang.reflect.Array.get(a, i); // boxed primitives: scalars
            }
        }
        return list(out, n, length - n);
    }

    private static List<Object> list(Object[] out, int n, int skipped) {
        Object[] items = out;
        if (skipped > 0) {
            items = Arrays.copyOf(out, n + 1);
            items[n] = "[" + skipped + " more elements]";
        } else if (n != out.length) {
            items = Arrays.copyOf(out, n);
        }
        return Collections.unmodifiableList(Arrays.asList(items));
    }
}
