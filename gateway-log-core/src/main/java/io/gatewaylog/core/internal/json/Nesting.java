package io.gatewaylog.core.internal.json;

/**
 * The one nesting limit of field values: how many containers deep the JSON encoders write, and so how deep
 * the logger renders values at the call and the sanitizer walks them (deeper, nothing would reach a line).
 * Past it a container becomes {@link #MAX_DEPTH_MARKER}. A field's value is at depth 0.
 */
public final class Nesting {
    /** Containers nested deeper than this are cut. */
    public static final int MAX_DEPTH = 16;
    /** What stands in for a container past {@link #MAX_DEPTH}. */
    public static final String MAX_DEPTH_MARKER = "[max depth " + MAX_DEPTH + "]";

    private Nesting() {}
}
