package io.gatewaylog.api;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A record's fields as a compact, immutable map: {@code Fields.of("request_id", id, "endpoint", path)}.
 * It is a {@link Map} like any other, and the cheapest one to log: it is one small array that nobody else
 * holds (an array passed to {@link #of(Object...)} is copied), the backend keeps it as it is when its
 * values are immutable too, and walks it by index (no iterator, no entry objects), where the JDK's
 * {@code Map.of} costs about twice the memory per call and an entry object per field at each walk. Keeps
 * the order given; allows null values; a repeated key keeps its last value.
 *
 * @since 1.0
 */
public final class Fields extends AbstractMap<String, Object> {
    private static final Fields EMPTY = new Fields(new Object[0], 0);

    // keys at even, values at odd indexes
    private final Object[] kv;
    private final int size;

    // Package-private for ApiHooks: the backend's array of distinct string keys, kept as it is.
    Fields(Object[] kv, int size) {
        this.kv = kv;
        this.size = size;
    }

    /** No fields. */
    public static Fields of() {
        return EMPTY;
    }

    /** One field. */
    public static Fields of(String k1, Object v1) {
        return FieldKeys.trusted(new Object[] {k1, v1});
    }

    /** Two fields; a repeated key keeps its last value. */
    public static Fields of(String k1, Object v1, String k2, Object v2) {
        return FieldKeys.trusted(new Object[] {k1, v1, k2, v2});
    }

    /** Three fields; a repeated key keeps its last value. */
    public static Fields of(String k1, Object v1, String k2, Object v2, String k3, Object v3) {
        return FieldKeys.trusted(new Object[] {k1, v1, k2, v2, k3, v3});
    }

    /** Four fields; a repeated key keeps its last value. */
    public static Fields of(String k1, Object v1, String k2, Object v2, String k3, Object v3, String k4, Object v4) {
        return FieldKeys.trusted(new Object[] {k1, v1, k2, v2, k3, v3, k4, v4});
    }

    /** Five fields; a repeated key keeps its last value. */
    public static Fields of(
            String k1,
            Object v1,
            String k2,
            Object v2,
            String k3,
            Object v3,
            String k4,
            Object v4,
            String k5,
            Object v5) {
        return FieldKeys.trusted(new Object[] {k1, v1, k2, v2, k3, v3, k4, v4, k5, v5});
    }

    /** Six fields; a repeated key keeps its last value. */
    public static Fields of(
            String k1,
            Object v1,
            String k2,
            Object v2,
            String k3,
            Object v3,
            String k4,
            Object v4,
            String k5,
            Object v5,
            String k6,
            Object v6) {
        return FieldKeys.trusted(new Object[] {k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6});
    }

    /** Seven fields; a repeated key keeps its last value. */
    public static Fields of(
            String k1,
            Object v1,
            String k2,
            Object v2,
            String k3,
            Object v3,
            String k4,
            Object v4,
            String k5,
            Object v5,
            String k6,
            Object v6,
            String k7,
            Object v7) {
        return FieldKeys.trusted(new Object[] {k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6, k7, v7});
    }

    /** Eight fields; a repeated key keeps its last value. */
    public static Fields of(
            String k1,
            Object v1,
            String k2,
            Object v2,
            String k3,
            Object v3,
            String k4,
            Object v4,
            String k5,
            Object v5,
            String k6,
            Object v6,
            String k7,
            Object v7,
            String k8,
            Object v8) {
        return FieldKeys.trusted(new Object[] {k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6, k7, v7, k8, v8});
    }

    /**
     * Fields from alternating keys and values; keys are turned into strings with {@code String.valueOf}.
     * The array is copied: changing it afterwards changes nothing here (the fixed-arity overloads, which
     * calls of up to eight string keys pick, make their own array and need no copy).
     *
     * @throws IllegalArgumentException if the number of arguments is odd
     */
    public static Fields of(Object... keysAndValues) {
        if ((keysAndValues.length & 1) != 0) {
            throw new IllegalArgumentException(
                    "Fields.of takes key, value pairs; got " + keysAndValues.length + " arguments");
        }
        return FieldKeys.normalised(keysAndValues);
    }

    /** Copies {@code map} (in its iteration order). */
    public static Fields copyOf(Map<String, ?> map) {
        if (map instanceof Fields f) {
            return f;
        }
        Object[] kv = new Object[map.size() * 2];
        int i = 0;
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (i == kv.length) {
                break; // a map that grew while being copied: take what was counted
            }
            kv[i++] = String.valueOf(e.getKey());
            kv[i++] = e.getValue();
        }
        return new Fields(kv, i / 2);
    }

    /** The key of the {@code i}-th field. */
    public String keyAt(int i) {
        Objects.checkIndex(i, size);
        return (String) kv[2 * i];
    }

    /** The value of the {@code i}-th field. */
    public Object valueAt(int i) {
        Objects.checkIndex(i, size);
        return kv[2 * i + 1];
    }

    /** A copy with the {@code i}-th value replaced (used by sanitizers, through {@code ApiAccess}). */
    Fields withValueAt(int i, Object value) {
        Objects.checkIndex(i, size);
        Object[] copy = kv.clone();
        copy[2 * i + 1] = value;
        return new Fields(copy, size);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return FieldKeys.indexOf(kv, 2 * size, key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int at = FieldKeys.indexOf(kv, 2 * size, key);
        return at < 0 ? null : kv[at + 1];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < 2 * size; i += 2) {
            action.accept((String) kv[i], kv[i + 1]);
        }
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new FieldsEntrySet(kv, size);
    }

    @Override
    public Object put(String key, Object value) {
        throw new UnsupportedOperationException("Fields are immutable");
    }

    @Override
    public Object remove(Object key) {
        throw new UnsupportedOperationException("Fields are immutable");
    }
}
