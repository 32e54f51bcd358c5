package io.gatewaylog.core.internal.sanitize;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.internal.ApiAccess;
import io.gatewaylog.api.internal.Failures;
import io.gatewaylog.core.internal.json.Nesting;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Walks field values: strings, {@code char[]}, enum names and map keys of any type are scanned as text;
 * maps, collections and arrays are walked; values under sensitive keys are replaced whole, whatever their
 * type. A container is copied (unmodifiable, order kept) only when something in it changed; otherwise the
 * same instance comes back. Numbers long enough to be card numbers are scanned as their digits; booleans,
 * UUIDs, time values and shorter numbers pass through; {@code byte[]} becomes its length. Values of records
 * made by the core's loggers are already rendered ({@code ValueRenderer}); any other object is replaced by
 * its scanned {@code toString()}, so that nothing runs user code after sanitizing.
 */
final class ValueSanitizer {
    static final String REDACTED = Rule.SENSITIVE_KEYS.mask();

    private final Sanitizer text;
    private final SensitiveKeys keys;
    private final boolean keyRule;

    private final CleanTextCache insensitiveKeys = new CleanTextCache();
    private final ScannedNames names;
    /**
     * Each thread's walker for its records' own maps. Not static: a thread of an application server then holds
     * it only while this sanitizer lives, rather than pinning the class loader after a redeploy.
     */
    private final ThreadLocal<MapWalk> spareWalk = ThreadLocal.withInitial(MapWalk::new);

    ValueSanitizer(Sanitizer text, SensitiveKeys keys, boolean keyRule) {
        this.text = text;
        this.keys = keys;
        this.keyRule = keyRule;
        this.names = new ScannedNames(text);
    }

    /** Whether the sensitive-keys rule is on. */
    boolean keyRule() {
        return keyRule;
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

    /** See {@link ScannedNames}. */
    String name(String s) {
        return names.name(s);
    }

    Object value(Object v, int depth) {
        if (v == null
                || v instanceof Boolean
                || v instanceof Character
                || v instanceof UUID
                || v instanceof TemporalAccessor
                || v instanceof Duration) {
            return v;
        }
        if (v instanceof String s) {
            return text.sanitizeText(s);
        }
        if (v instanceof Number n) {
            return CardLikeNumbers.number(n, text);
        }
        if (v instanceof Enum<?> e) {
            String name = e.name();
            String masked = text.sanitizeText(name);
            return masked == name ? v : masked;
        }
        if (v instanceof char[] chars) {
            return text.sanitizeText(new String(chars)); // text, never an array of characters
        }
        if (v instanceof byte[] bytes) {
            return "[" + bytes.length + " bytes]"; // never the raw bytes (docs/sanitization.md)
        }
        if (v instanceof Map<?, ?> || v instanceof Collection<?> || v.getClass().isArray()) {
            // Cut where the encoder cuts (Nesting): deeper content would never reach a line anyway.
            if (depth >= Nesting.MAX_DEPTH) {
                return Nesting.MAX_DEPTH_MARKER; // never left unchecked
            }
            if (v instanceof Map<?, ?> m) {
                return map(m, depth + 1);
            }
            if (v instanceof Collection<?> c) {
                return SequenceValues.collection(this, c, depth + 1);
            }
            if (v instanceof Object[] a) {
                return SequenceValues.array(this, a, depth + 1);
            }
            return CardLikeNumbers.primitives(v, text);
        }
        // Records logged through the core's loggers hold no other types (ValueRenderer renders them at the
        // call); a record built otherwise gets its objects' text, scanned, so that no toString() runs later.
        String s = textOf(v);
        return text.sanitizeText(s);
    }

    /** {@code toString()}, or a marker when it throws anything. */
    static String textOf(Object v) {
        return Failures.text(v);
    }

    /** A key of any type, as text. */
    private static String keyText(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof char[] chars) {
            return new String(chars);
        }
        return key == null ? "null" : textOf(key);
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
        MapWalk spare = spareWalk.get();
        MapWalk walk = spare.busy ? new MapWalk() : spare;
        walk.begin(this, m, depth);
        try {
            m.forEach(walk);
            Map<?, ?> result = walk.copy == null ? m : Collections.unmodifiableMap(walk.copy);
            return (Map<String, V>) result;
        } finally {
            walk.end();
        }
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
                out = ApiAccess.withValueAt(out, i, nv);
            }
        }
        return out;
    }

    /**
     * One pass over a map; copies it only from the first changed entry on. Each thread keeps one walker for its
     * records' own maps (a record's fields are walked on every call: a walker each cost 32 bytes a call); a map
     * met while that one is busy (a nested map, a {@code toString()} that logs) gets a walker of its own.
     */
    private static final class MapWalk implements BiConsumer<Object, Object> {
        private ValueSanitizer owner;
        private Map<?, ?> source;
        private int depth;
        private Map<Object, Object> copy;
        private int index;
        private boolean busy;

        void begin(ValueSanitizer owner, Map<?, ?> source, int depth) {
            this.owner = owner;
            this.source = source;
            this.depth = depth;
            this.busy = true;
        }

        /** Lets go of the map and its copy, so that a thread's walker never keeps a record alive. */
        void end() {
            owner = null;
            source = null;
            copy = null;
            index = 0;
            busy = false;
        }

        @Override
        public void accept(Object key, Object v) {
            String keyText = keyText(key);
            Object newKey = owner.text.sanitizeText(keyText); // keys of any type become their scanned text
            Object newValue = owner.isSensitiveKey(keyText) ? redact(v) : owner.value(v, depth);
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

    /** A value under a sensitive key: replaced whole, whatever it is (null stays null). */
    static Object redact(Object v) {
        return v == null || REDACTED.equals(v) ? v : REDACTED;
    }
}
