package io.gatewaylog.core.internal.retention;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Core's copy of the testkit's {@code io.gatewaylog.testkit.internal.Prerequisites} (core cannot depend on
 * the testkit, which depends on core): a missing component skips the test on a developer's machine and
 * fails it in CI ({@code CI=true}), so that CI cannot go green by skipping. Keep the two alike.
 */
final class Prerequisites {
    private Prerequisites() {}

    static boolean inCi() {
        return Boolean.parseBoolean(System.getenv("CI")) || Boolean.getBoolean("ci");
    }

    /** Goes on if {@code available}; otherwise skips the test, or in CI fails it, naming what is {@code missing}. */
    static void require(boolean available, String missing) {
        if (available) {
            return;
        }
        if (inCi()) {
            Assertions.fail("CI=true, so this suite may not skip: " + missing);
        }
        Assumptions.abort(missing);
    }
}
