package io.gatewaylog.core.internal.sanitize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * Collections and arrays among field values, sanitized element by element and copied only from the first
 * changed element on (a clean one comes back as the same instance). An element after a command-line flag
 * naming a secret is redacted as if it were under that key.
 */
final class SequenceValues {
    private SequenceValues() {}

    static Object collection(ValueSanitizer vs, Collection<?> c, int depth) {
        if (c instanceof List<?> list && c instanceof RandomAccess) {
            return list(vs, list, depth);
        }
        List<Object> copy = null;
        int index = 0;
        Object previous = null;
        for (Object v : c) {
            Object nv = namesSecret(vs, previous) ? ValueSanitizer.redact(v) : vs.value(v, depth);
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
    private static Object list(ValueSanitizer vs, List<?> list, int depth) {
        List<Object> copy = null;
        int size = list.size();
        for (int i = 0; i < size; i++) {
            Object v = list.get(i);
            Object nv = i > 0 && namesSecret(vs, list.get(i - 1)) ? ValueSanitizer.redact(v) : vs.value(v, depth);
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

    static Object array(ValueSanitizer vs, Object[] a, int depth) {
        Object[] copy = null;
        for (int i = 0; i < a.length; i++) {
            Object nv = i > 0 && namesSecret(vs, a[i - 1]) ? ValueSanitizer.redact(a[i]) : vs.value(a[i], depth);
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
    private static boolean namesSecret(ValueSanitizer vs, Object previous) {
        if (!vs.keyRule()
                || !(previous instanceof String flag)
                || flag.length() < 2
                || flag.charAt(0) != '-'
                || flag.length() > 64
                || flag.indexOf('=') >= 0) {
            return false;
        }
        int start = flag.charAt(1) == '-' ? 2 : 1;
        return start < flag.length() && vs.isSensitiveKey(flag.substring(start));
    }
}
