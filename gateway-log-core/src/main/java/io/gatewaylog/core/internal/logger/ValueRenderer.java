package io.gatewaylog.core.internal.logger;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.internal.Failures;
import io.gatewaylog.core.internal.json.Nesting;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
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
 * Nesting is cut at {@link Nesting#MAX_DEPTH} as the encoder does, a cycle with {@code "[cycle]"}, a container
 * after {@link #MAX_ELEMENTS} elements, and a record's values after {@link #MAX_VALUES} in all: a small
 * structure that holds the same container many times over (a DAG) would otherwise expand exponentially
 * on the caller's thread and in every later walk (sanitizer, size estimate, encoder).
 *
 * <p>This class dispatches on the value's type; {@link SettledValues} decides what is kept as it is and
 * {@link RenderedContainers} copies containers. All static: this runs on every log call.
 */
public final class ValueRenderer {
    /** Elements rendered per container; the rest are counted in a last element. */
    public static final int MAX_ELEMENTS = 10_000;
    /** Values rendered per record, containers' elements at every depth counted. */
    public static final int MAX_VALUES = 100_000;

    static final String CYCLE_MARKER = "[cycle]";
    static final String TOO_MANY_MARKER = "[more than " + MAX_VALUES + " values]";
    /** What {@link #converted} answers for a value it does not convert (never a rendered value). */
    private static final Object NOT_CONVERTED = new Object();

    private ValueRenderer() {}

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

    static Object render(Object v, int depth, RenderPath path) {
        // the record's own fields (depth 0) are kept whatever a sibling spent: they are few (MAX_ELEMENTS)
        if (path != null && --path.budget().left < 0 && depth > 0) {
            return TOO_MANY_MARKER;
        }
        if (scalar(v)) {
            return v;
        }
        try {
            // What the check walks is spent from the record's budget whether or not it succeeds, so
            // checking and rendering together stay within MAX_VALUES steps per record.
            long r = SettledValues.settled(v, depth, path == null ? MAX_VALUES : path.budget().left);
            long remaining = r >= 0 ? r : -1 - r;
            if (path != null) {
                path.budget().left = remaining;
            }
            if (r >= 0) {
                return v;
            }
            Object converted = converted(v, depth, path);
            if (converted != NOT_CONVERTED) {
                return converted;
            }
            if (v instanceof Map<?, ?>
                    || v instanceof Collection<?>
                    || v.getClass().isArray()) {
                return container(v, depth, path, remaining);
            }
        } catch (Throwable t) {
            Failures.rethrowIfFatal(t);
            return Failures.marker("rendering", v, t);
        }
        return text(v);
    }

    /** A value of one of the types turned into a kept type, converted; {@link #NOT_CONVERTED} for any other. */
    private static Object converted(Object v, int depth, RenderPath path) {
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
        return NOT_CONVERTED;
    }

    /** A map, collection or array: cut past the depth limit or at a cycle, otherwise copied. */
    private static Object container(Object v, int depth, RenderPath path, long remaining) {
        if (depth >= Nesting.MAX_DEPTH) {
            return Nesting.MAX_DEPTH_MARKER;
        }
        if (path != null && path.contains(v)) {
            return CYCLE_MARKER;
        }
        RenderPath inner = new RenderPath(v, path, path == null ? new RenderPath.Budget(remaining) : path.budget());
        if (v instanceof Map<?, ?> m) {
            return RenderedContainers.map(m, depth, inner);
        }
        if (v instanceof Collection<?> c) {
            return RenderedContainers.collection(c, depth, inner);
        }
        return RenderedContainers.array(v, depth, inner);
    }

    /** Values kept as they are: immutable, and written without calling user code. */
    static boolean scalar(Object v) {
        if (v == null
                || v instanceof String
                || v instanceof Integer
                || v instanceof Long
                || v instanceof Boolean
                || v instanceof Double
                || v instanceof Float
                || v instanceof Short
                || v instanceof Byte
                || v instanceof Character
                || v instanceof UUID
                || v instanceof Duration) {
            return true;
        }
        Class<?> c = v.getClass();
        return c == BigDecimal.class || c == BigInteger.class || c.getName().startsWith("java.time.");
    }

    /** {@code toString()}, or a marker when it throws (any {@code Throwable}, an {@code Error} included). */
    static String text(Object v) {
        return Failures.text(v);
    }

    private static Object number(Number n) {
        if (n instanceof AtomicInteger
                || n instanceof AtomicLong
                || n instanceof LongAdder
                || n instanceof LongAccumulator) {
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
}
