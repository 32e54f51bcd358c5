package io.gatewaylog.core.internal.sanitize;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.internal.ApiAccess;
import io.gatewaylog.api.internal.Failures;
import java.math.BigDecimal;
import java.math.BigInteger;
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
 * Walks field values: strings, {@code char[]}, enum names and map keys of any type are scanned as text;
 * maps, collections and arrays are walked; values under sensitive keys are replaced whole, whatever their
 * type. A container is copied (unmodifiable, order kept) only when something in it changed; otherwise the
 * same instance comes back. Numbers long enough to be card numbers are scanned as their digits; booleans,
 * UUIDs, time values and shorter numbers pass through; {@code byte[]} becomes its length. Values of records
 * made by the core's loggers are already rendered ({@code ValueRenderer}); any other object is replaced by
 * its scanned {@code toString()}, so that nothing runs user code after sanitizing.
 */
final class ValueSanitizer {
    /** Past this depth containers become a marker (the core's loggers cut nesting at 16 already, as the encoder does). */
    static final int MAX_DEPTH = 24;
    static final String REDACTED = Rule.SENSITIVE_KEYS.mask();
    static final String MAX_DEPTH_MARKER = "[max depth " + MAX_DEPTH + "]";

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
        if (v == null || v instanceof Boolean || v instanceof Character || v instanceof UUID
                || v instanceof TemporalAccessor || v instanceof Duration) {
            return v;
        }
        if (v instanceof String s) {
            return text.sanitizeText(s);
        }
        if (v instanceof Number n) {
            return number(n);
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
            if (depth >= MAX_DEPTH) {
                return MAX_DEPTH_MARKER; // never left unchecked
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
            return primitives(v);
        }
        // Records logged through the core's loggers hold no other types (ValueRenderer renders them at the
        // call); a record built otherwise gets its objects' text, scanned, so that no toString() runs later.
        String s = textOf(v);
        return text.sanitizeText(s);
    }

    /**
     * A number that could be a payment card (13 to 19 digits) is scanned as the same digits in text: a
     * Luhn-valid card logged as a {@code long}, {@code BigInteger} or {@code BigDecimal} is masked like the
     * text. Anything shorter passes after one comparison.
     */
    private Object number(Number n) {
        String digits;
        if (n instanceof Long l) {
            long x = l;
            if (x > -MIN_CARD && x < MIN_CARD || !luhn(x)) {
                return n; // epoch milliseconds, ids and counts mostly fail Luhn: no string is made for them
            }
            digits = Long.toString(x);
        } else if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n;
        } else if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!(Math.abs(d) >= MIN_CARD && Math.abs(d) < 1e18 && d == Math.rint(d)) || !luhn((long) d)) {
                return n;
            }
            digits = Long.toString((long) d);
        } else if (n instanceof BigInteger bi) {
            int bits = bi.bitLength();
            if (bits < 39 || bits > 256) {
                return n;
            }
            digits = bi.toString();
        } else if (n instanceof BigDecimal bd) {
            int integerDigits = bd.precision() - bd.scale();
            if (integerDigits < 13 || integerDigits > 64) {
                return n;
            }
            BigDecimal whole = bd.stripTrailingZeros();
            digits = whole.scale() <= 0 ? whole.toPlainString() : bd.toPlainString();
        } else {
            return text.sanitizeText(textOf(n)); // an atomic or user-defined number: its text
        }
        String masked = text.sanitizeText(digits);
        return masked == digits ? n : masked;
    }

    /** The Luhn check on a number's decimal digits, without making a string (any sign ignored). */
    static boolean luhn(long x) {
        if (x == Long.MIN_VALUE) {
            return true; // cannot be negated; let the text decide
        }
        long v = Math.abs(x);
        int sum = 0;
        boolean doubled = false;
        while (v != 0) {
            int d = (int) (v % 10);
            v /= 10;
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** Cards have at least 13 digits. */
    private static final long MIN_CARD = 1_000_000_000_000L;

    /** {@code long[]} and {@code double[]} can hold card numbers; the other primitive arrays cannot. */
    private Object primitives(Object a) {
        if (!(a instanceof long[] || a instanceof double[])) {
            return a;
        }
        int n = java.lang.reflect.Array.getLength(a);
        Object[] copy = null;
        for (int i = 0; i < n; i++) {
            Object v = java.lang.reflect.Array.get(a, i);
            Object nv = number((Number) v);
            if (copy == null && nv != v) {
                copy = new Object[n];
                for (int k = 0; k < i; k++) {
                    copy[k] = java.lang.reflect.Array.get(a, k);
                }
            }
            if (copy != null) {
                copy[i] = nv;
            }
        }
        return copy == null ? a : Collections.unmodifiableList(java.util.Arrays.asList(copy));
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

    /**
     * A logger or thread name, scanned. They repeat on every record as the same instance (a thread keeps its
     * name string until it is renamed), so the answer is remembered by identity: a lookup is an identity
     * hash and one reference comparison, whatever the length.
     */
    String name(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        int slot = System.identityHashCode(s) & (NAMES - 1);
        Name known = names[slot];
        if (known != null && known.raw == s) {
            return known.masked;
        }
        String masked = text.sanitizeText(s);
        names[slot] = new Name(s, masked);
        return masked;
    }

    private static final int NAMES = 1024;
    private final Name[] names = new Name[NAMES];

    /** Immutable, so that a racing reader sees either the whole pair or the other one. */
    private record Name(String raw, String masked) {
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
                out = ApiAccess.withValueAt(out, i, nv);
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
            String keyText = keyText(key);
            Object newKey = text.sanitizeText(keyText); // keys of any type become their scanned text
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
        Object previous = null;
        for (Object v : c) {
            Object nv = namesSecret(previous) ? redact(v) : value(v, depth);
            previous = v;
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
            Object nv = i > 0 && namesSecret(list.get(i - 1)) ? redact(v) : value(v, depth);
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
            Object nv = i > 0 && namesSecret(a[i - 1]) ? redact(a[i]) : value(a[i], depth);
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

    /**
     * Whether a list element is a command-line flag naming a secret ({@code "--password"},
     * {@code "-api-key"}), so that the element after it, its value in an argument vector such as
     * {@code ["--user", "ops", "--password", "x"]}, is redacted as if it were under that key. A flag
     * with its value attached ({@code --password=x}) is text and is caught by the scanner.
     */
    private boolean namesSecret(Object previous) {
        if (!keyRule || !(previous instanceof String flag) || flag.length() < 2 || flag.charAt(0) != '-'
                || flag.length() > 64 || flag.indexOf('=') >= 0) {
            return false;
        }
        int start = flag.charAt(1) == '-' ? 2 : 1;
        return start < flag.length() && isSensitiveKey(flag.substring(start));
    }

    /** A value under a sensitive key: replaced whole, whatever it is (null stays null). */
    static Object redact(Object v) {
        return v == null || REDACTED.equals(v) ? v : REDACTED;
    }
}
