package io.gatewaylog.core.internal.logger;

import io.gatewaylog.api.Fields;
import io.gatewaylog.core.internal.json.Nesting;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.BiConsumer;

/**
 * Whether a value needs no rendering: a scalar, or an immutable container ({@code Fields}, {@code Map.of},
 * {@code List.of}, ...) of settled values within the limits; then it is kept as it is, and the usual call
 * allocates nothing. Calls no user code.
 */
final class SettledValues {
    private SettledValues() {}

    /**
     * Every value met is counted against {@code budget} (a container held twice is counted twice, as every
     * later walk meets it twice). Answers what is left of the budget when {@code v} is settled, and
     * {@code -1 - left} when it is not (or the budget ran out), so the caller knows what the walk spent
     * either way.
     */
    static long settled(Object v, int depth, long budget) {
        if (budget < 0) {
            return -1;
        }
        if (ValueRenderer.scalar(v)) {
            return budget;
        }
        if (depth >= Nesting.MAX_DEPTH) {
            return -1 - budget;
        }
        if (v instanceof Fields f) {
            long left = budget;
            for (int i = 0, n = f.size(); i < n && left >= 0; i++) {
                left = settled(f.valueAt(i), depth + 1, left - 1);
            }
            return left;
        }
        if (!v.getClass().getName().startsWith("java.util.ImmutableCollections$")) {
            return -1 - budget;
        }
        return immutable(v, depth, budget);
    }

    /** A JDK immutable map, list or set: settled when its size is within the limit and its values are. */
    private static long immutable(Object v, int depth, long budget) {
        long left = budget;
        if (v instanceof Map<?, ?> m) {
            if (m.size() > ValueRenderer.MAX_ELEMENTS) {
                return -1 - left;
            }
            SettledCheck check = new SettledCheck(depth + 1, left);
            m.forEach(check);
            return check.left;
        }
        if (v instanceof List<?> l && v instanceof RandomAccess) {
            int n = l.size();
            if (n > ValueRenderer.MAX_ELEMENTS) {
                return -1 - left;
            }
            for (int i = 0; i < n && left >= 0; i++) {
                left = settled(l.get(i), depth + 1, left - 1);
            }
            return left;
        }
        if (v instanceof Collection<?> c) {
            if (c.size() > ValueRenderer.MAX_ELEMENTS) {
                return -1 - left;
            }
            for (Object e : c) {
                if (left < 0) {
                    break;
                }
                left = settled(e, depth + 1, left - 1);
            }
            return left;
        }
        return -1 - left;
    }

    /** Checks a map's entries: string keys, settled values. */
    private static final class SettledCheck implements BiConsumer<Object, Object> {
        private final int depth;
        long left;

        SettledCheck(int depth, long budget) {
            this.depth = depth;
            this.left = budget;
        }

        @Override
        public void accept(Object k, Object v) {
            if (left >= 0) {
                left = k instanceof String ? settled(v, depth, left - 1) : -1 - left;
            }
        }
    }
}
