package io.gatewaylog.core.internal.sanitize;

import io.gatewaylog.api.Fields;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Walks field values: strings are scanned, maps, collections and arrays are walked (keys included),
 * values under sensitive keys are replaced whole. A container is copied (unmodifiable, order kept) only
 * when something in it changed; otherwise the same instance comes back. Numbers, booleans, enums, UUIDs
 * and time values pass through; any other object is judged by its {@code toString()} and replaced by the
 * masked string only if that text needed masking.
 */
final class ValueSanitizer {
    /** Past this depth values are left as they are: the JSON encoder cuts nesting off sooner (at 16). */
    static final int MAX_DEPTH = 24;
    static final String REDACTED = Rule.SENSITIVE_KEYS.mask();

    private final Sanitizer text;
    private final SensitiveKeys keys;
    private final boolean keyRule;

    private final CleanTextCache insensitiveKeys = new CleanTextCache();

    ValueSanitizer(Sanitizer text, SensitiveKeys keys, boolean keyRule) {
        this.text = text;
        this.keys = keys;
        this.keyRule = keyRule;
    }

    boolean isSensitiveKey(String key) {
        if (!keyRule || key == null) {
            return false;
        }
        // Keys repeat on every record: remember the innocent ones rather than match them again.
        if (insensitiveKeys.isKnownClean(key)) {
            return false;
        }
        boolean sensitive = keys.isSensitive(key);
        if (!sensitive) {
            insensitiveKeys.remember(key);
        }
        return sensitive;
    }

    Object value(Object v, int depth) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof Enum
                || v instanceof UUID || v instanceof TemporalAccessor || v instanceof Duration) {
            return v;
        }
        if (v instanceof String s) {
            return text.sanitizeText(s);
        }
        if (depth >= MAX_DEPTH) {
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            return map(m, depth + 1);
        }
        if (v instanceof Collection<?> c) {
            return collection(c, depth + 1);
        }
        if (v instanceof Object[] a) {
            return array(a, depth + 1);
        }
        if (v.getClass().isArray()) {
            return v; // primitive arrays
        }
        String s;
        try {
            s = v.toString();
        } catch (RuntimeException | LinkageError e) {
            return v; // the encoder reports the failure
        }
        if (s == null) {
            return v;
        }
        String masked = text.sanitizeText(s);
        return masked == s ? v : masked;
    }

    /** The map with its values (and keys' text) sanitized; the same instance if nothing changed. */
    @SuppressWarnings("unchecked")
    <V> Map<String, V> map(Map<?, ?> m, int depth) {
        if (m instanceof Fields f) {
            Map<?, ?> result = fields(f, depth);
            if (result != null) {
                return (Map<String, V>) result;
            }
        }
        // forEach rather than an entry iterator: for the usual maps (unmodifiable LinkedHashMap) it walks
        // the entries without allocating an iterator and an entry wrapper each
        MapWalk walk = new MapWalk(m, depth);
        m.forEach(walk);
        Map<?, ?> result = walk.copy == null ? m : Collections.unmodifiableMap(walk.copy);
        return (Map<String, V>) result;
    }

    /**
     * {@link Fields} walked by index: no walker, iterator or entry objects (this runs for every record).
     * Null when a key itself needs masking: the general path handles that rare case.
     */
    private Fields fields(Fields f, int depth) {
        Fields out = f;
        for (int i = 0, n = f.size(); i < n; i++) {
            String key = f.keyAt(i);
            if (text.sanitizeText(key) != key) {
                return null;
            }
            Object v = f.valueAt(i);
            Object nv = isSensitiveKey(key) ? redact(v) : value(v, depth);
            if (nv != v) {
                out = out.withValueAt(i, nv);
            }
        }
        return out;
    }

    /** One pass over a map; copies it only from the first changed entry on. */
    private final class MapWalk implements BiConsumer<Object, Object> {
        private final Map<?, ?> source;
        private final int depth;
        private Map<Object, Object> copy;
        private int index;

        MapWalk(Map<?, ?> source, int depth) {
            this.source = source;
            this.depth = depth;
        }

        @Override
        public void accept(Object key, Object v) {
            String keyText = key instanceof String ks ? ks : String.valueOf(key);
            Object newKey = key instanceof String ks ? text.sanitizeText(ks) : key;
            Object newValue = isSensitiveKey(keyText) ? redact(v) : value(v, depth);
            if (copy == null && (newKey != key || newValue != v)) {
                copy = new LinkedHashMap<>(Math.max(4, (int) (source.size() / 0.75f) + 1));
                int k = 0;
                for (Map.Entry<?, ?> before : source.entrySet()) {
                    if (k++ == index) {
                        break;
                    }
                    copy.put(before.getKey(), before.getValue());
                }
            }
            if (copy != null) {
                copy.put(newKey, newValue);
            }
            index++;
        }
    }

    private Object collection(Collection<?> c, int depth) {
        if (c instanceof List<?> list && c instanceof RandomAccess) {
            return list(list, depth);
        }
        List<Object> copy = null;
        int index = 0;
        for (Object v : c) {
            Object nv = value(v, depth);
            if (copy == null && nv != v) {
                copy = new ArrayList<>(c.size());
                int k = 0;
                for (Object before : c) {
                    if (k++ == index) {
                        break;
                    }
                    copy.add(before);
                }
            }
            if (copy != null) {
                copy.add(nv);
            }
            index++;
        }
        return copy == null ? c : Collections.unmodifiableList(copy);
    }

    /** Indexed, so that a clean list costs no iterator. */
    private Object list(List<?> list, int depth) {
        List<Object> copy = null;
        int size = list.size();
        for (int i = 0; i < size; i++) {
            Object v = list.get(i);
            Object nv = value(v, depth);
            if (copy == null && nv != v) {
                copy = new ArrayList<>(size);
                for (int k = 0; k < i; k++) {
                    copy.add(list.get(k));
                }
            }
            if (copy != null) {
                copy.add(nv);
            }
        }
        return copy == null ? list : Collections.unmodifiableList(copy);
    }

    private Object array(Object[] a, int depth) {
        Object[] copy = null;
        for (int i = 0; i < a.length; i++) {
            Object nv = value(a[i], depth);
            if (copy == null && nv != a[i]) {
                copy = new Object[a.length];
                System.arraycopy(a, 0, copy, 0, i);
            }
            if (copy != null) {
                copy[i] = nv;
            }
        }
        return copy == null ? a : copy;
    }

    /** A value under a sensitive key: replaced whole, whatever it is (null stays null). */
    static Object redact(Object v) {
        return v == null || REDACTED.equals(v) ? v : REDACTED;
    }
}
