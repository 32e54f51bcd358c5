package io.gatewaylog.api.internal;

import io.gatewaylog.api.Fields;

/**
 * Lets the core make {@link Fields} from an array it has just filled with distinct string keys, without
 * the copy and the repeat check that {@link Fields#of(Object...)} owes an array it does not own (the
 * JDK's "shared secrets" pattern: the public API stays as it is). Not for use outside gateway-log.
 */
public final class FieldsAccess {
    /** Makes fields from {@code kv} (keys at even indexes, all distinct strings), which it keeps. */
    @FunctionalInterface
    public interface Maker {
        Fields make(Object[] kv, int pairs);
    }

    private static volatile Maker maker;

    private FieldsAccess() {
    }

    /** Called once, by {@code Fields} itself; later calls are ignored. */
    public static synchronized void install(Maker m) {
        if (maker == null) {
            maker = m;
        }
    }

    /** Fields over {@code kv}, kept as it is: the caller guarantees distinct string keys and never changes it. */
    public static Fields trusted(Object[] kv, int pairs) {
        Maker m = maker;
        if (m == null) {
            Fields.of(); // initialises Fields, which installs its maker
            m = maker;
        }
        return m.make(kv, pairs);
    }
}
