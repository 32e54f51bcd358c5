package io.gatewaylog.core.internal.logger;

/**
 * The mutable containers being rendered, innermost first (only they can close a cycle), and what is left of
 * the record's {@link ValueRenderer#MAX_VALUES}, shared by every container of one rendering.
 */
record RenderPath(Object container, RenderPath outer, Budget budget) {

    /** What is left of a record's value budget. */
    static final class Budget {
        long left;

        Budget(long left) {
            this.left = left;
        }
    }

    boolean contains(Object c) {
        for (RenderPath p = this; p != null; p = p.outer) {
            if (p.container == c) {
                return true;
            }
        }
        return false;
    }
}
