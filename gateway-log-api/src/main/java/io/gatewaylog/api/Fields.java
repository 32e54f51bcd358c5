package io.gatewaylog.api;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
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
        return trusted(new Object[] {k1, v1});
    }

    /** Two fields; a repeated key keeps its last value. */
    public static Fields of(String k1, Object v1, String k2, Object v2) {
        return trusted(new Object[] {k1, v1, k2, v2});
    }

    /** Three fields; a repeated key keeps its last value. */
    public static Fields of(String k1, Object v1, String k2, Object v2, String k3, Object v3) {
        return trusted(new Object[] {k1, v1, k2, v2, k3, v3});
    }

    /** Four fields; a repeated key keeps its last value. */
    public static Fields of(String k1, Object v1, String k2, Object v2, String k3, Object v3, String k4, Object v4) {
        return trusted(new Object[] {k1, v1, k2, v2, k3, v3, k4, v4});
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
        return trusted(new Object[] {k1, v1, k2, v2, k3, v3, k4, v4, k5, v5});
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
        return trusted(new Object[] {k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6});
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
        return trusted(new Object[] {k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6, k7, v7});
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
        return trusted(new Object[] {k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6, k7, v7, k8, v8});
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
        return normalised(keysAndValues);
    }

    /** An array made here (never the caller's): kept as it is when its keys are distinct strings. */
    private static Fields trusted(Object[] kv) {
        int n = kv.length;
        for (int i = 0; i < n; i += 2) {
            if (kv[i] == null) {
                return normalised(kv);
            }
            for (int j = 0; j < i; j += 2) {
                if (kv[j].equals(kv[i])) {
                    return normalised(kv);
                }
            }
        }
        return new Fields(kv, n / 2);
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

    /** A fresh array with string keys, each once (a repeated key keeps its last value, in its first place). */
    private static Fields normalised(Object[] in) {
        Object[] kv = new Object[in.length];
        // Beyond a few fields a linear search per key would make a large map quadratic: index by hash.
        java.util.HashMap<String, Integer> index = in.length > 16 ? new java.util.HashMap<>(in.length) : null;
        int n = 0;
        for (int i = 0; i < in.length; i += 2) {
            String key = String.valueOf(in[i]);
            int at;
            if (index != null) {
                Integer known = index.putIfAbsent(key, n);
                at = known == null ? -1 : known;
            } else {
                at = indexOf(kv, n, key);
            }
            if (at >= 0) {
                kv[at + 1] = in[i + 1];
            } else {
                kv[n++] = key;
                kv[n++] = in[i + 1];
            }
        }
        return new Fields(kv, n / 2);
    }

    private static int indexOf(Object[] kv, int used, Object key) {
        for (int i = 0; i < used; i += 2) {
            if (kv[i].equals(key)) {
                return i;
            }
        }
        return -1;
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
        return indexOf(kv, 2 * size, key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int at = indexOf(kv, 2 * size, key);
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
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < size;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (i >= size) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, Object> e = new SimpleImmutableEntry<>((String) kv[2 * i], kv[2 * i + 1]);
                        i++;
                        return e;
                    }
                };
            }
        };
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
