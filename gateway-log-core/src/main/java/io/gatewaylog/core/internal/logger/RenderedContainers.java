package io.gatewaylog.core.internal.logger;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.internal.ApiAccess;
import io.gatewaylog.api.internal.Failures;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.BiConsumer;

/**
 * Copies of a caller's containers with their elements rendered: maps become {@link Fields}, collections
 * and arrays unmodifiable lists, each cut after {@link ValueRenderer#MAX_ELEMENTS} elements with a last
 * element counting the rest. A container that fails while read becomes a marker.
 */
final class RenderedContainers {
    private RenderedContainers() {}

    static Object map(Map<?, ?> m, int depth, RenderPath path) {
        if (m instanceof Fields f) {
            Object[] kv = new Object[2 * f.size()];
            for (int i = 0, n = f.size(); i < n; i++) {
                kv[2 * i] = f.keyAt(i);
                kv[2 * i + 1] = ValueRenderer.render(f.valueAt(i), depth + 1, path);
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

    /** Collects a map's rendered entries; counts what is beyond {@link ValueRenderer#MAX_ELEMENTS}. */
    private static final class MapCopy implements BiConsumer<Object, Object> {
        private Object[] kv;
        private int n;
        private int skipped;
        private final int depth;
        private final RenderPath path;
        private boolean otherKeys;

        MapCopy(int size, int depth, RenderPath path) {
            this.kv = new Object[2 * Math.min(Math.max(size, 1), ValueRenderer.MAX_ELEMENTS + 1)];
            this.depth = depth;
            this.path = path;
        }

        @Override
        public void accept(Object k, Object v) {
            if (n / 2 >= ValueRenderer.MAX_ELEMENTS) {
                skipped++;
                return;
            }
            if (n == kv.length) {
                kv = Arrays.copyOf(kv, Math.min(2 * kv.length, 2 * (ValueRenderer.MAX_ELEMENTS + 1)));
            }
            if (k instanceof String s) {
                kv[n++] = s;
            } else {
                otherKeys = true;
                kv[n++] = ValueRenderer.key(k);
            }
            kv[n++] = ValueRenderer.render(v, depth, path);
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

    static Object collection(Collection<?> c, int depth, RenderPath path) {
        int max = ValueRenderer.MAX_ELEMENTS;
        Object[] out;
        int n = 0;
        int skipped = 0;
        try {
            if (c instanceof List<?> list && c instanceof RandomAccess) {
                int size = list.size();
                out = new Object[Math.min(size, max)];
                for (int i = 0; i < size; i++) {
                    if (n >= max) {
                        skipped = size - i;
                        break;
                    }
                    out[n++] = ValueRenderer.render(list.get(i), depth + 1, path);
                }
            } else {
                out = new Object[Math.min(Math.max(c.size(), 1), max)];
                for (Iterator<?> it = c.iterator(); it.hasNext(); ) {
                    Object v = it.next();
                    if (n >= max) {
                        skipped++;
                        continue;
                    }
                    if (n == out.length) {
                        out = Arrays.copyOf(out, Math.min(2 * out.length, max));
                    }
                    out[n++] = ValueRenderer.render(v, depth + 1, path);
                }
            }
        } catch (Throwable t) {
            Failures.rethrowIfFatal(t);
            return Failures.marker("reading", c, t);
        }
        return list(out, n, skipped);
    }

    static Object array(Object a, int depth, RenderPath path) {
        int length = Array.getLength(a);
        int n = Math.min(length, ValueRenderer.MAX_ELEMENTS);
        Object[] out = new Object[n];
        if (a instanceof Object[] objects) {
            for (int i = 0; i < n; i++) {
                out[i] = ValueRenderer.render(objects[i], depth + 1, path);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = Array.get(a, i); // boxed primitives: scalars
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
