package io.gatewaylog.api;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The entry view of {@link Fields}, for callers that walk it as any other map (the backend walks by index
 * instead, so it pays for none of this): an entry object per field, made as the walk reaches it.
 */
final class FieldsEntrySet extends AbstractSet<Map.Entry<String, Object>> {
    // keys at even, values at odd indexes: the Fields' own array, never changed
    private final Object[] kv;
    private final int size;

    FieldsEntrySet(Object[] kv, int size) {
        this.kv = kv;
        this.size = size;
    }

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
}
