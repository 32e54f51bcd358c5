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
 * It is a {@link Map} like any other, and the cheapest one to log: it is one small array, the backend keeps
 * it as it is (no copy), and walks it by index (no iterator, no entry objects), where the JDK's
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

    private Fields(Object[] kv, int size) {
        this.kv = kv;
        this.size = size;
    }

    /** No fields. */
    public static Fields of() {
        return EMPTY;
    }

    /**
     * Fields from alternating keys and values; keys are turned into strings with {@code String.valueOf}.
     *
     * @throws IllegalArgumentException if the number of arguments is odd
     */
    public static Fields of(Object... keysAndValues) {
        if ((keysAndValues.length & 1) != 0) {
            throw new IllegalArgumentException("Fields.of takes key, value pairs; got " + keysAndValues.length + " arguments");
        }
        // The caller's varargs array becomes ours: only keys that are not strings, or repeats, force a copy.
        Object[] kv = keysAndValues;
        int n = kv.length;
        boolean clean = true;
        for (int i = 0; i < n && clean; i += 2) {
            if (!(kv[i] instanceof String)) {
                clean = false;
            }
            for (int j = 0; j < i && clean; j += 2) {
                if (kv[j].equals(kv[i])) {
                    clean = false;
                }
            }
        }
        return clean ? new Fields(kv, n / 2) : normalised(kv);
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

    private static Fields normalised(Object[] in) {
        Object[] kv = new Object[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i += 2) {
            String key = String.valueOf(in[i]);
            int at = indexOf(kv, n, key);
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

    /** A copy with the {@code i}-th value replaced (used by sanitizers). */
    public Fields withValueAt(int i, Object value) {
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
