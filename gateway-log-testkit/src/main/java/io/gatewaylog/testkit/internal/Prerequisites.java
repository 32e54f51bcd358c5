package io.gatewaylog.testkit.internal;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks that what an integration suite needs (rsyslogd, a tmpfs mount, a Kafka broker ...) is there.
 * On a developer's machine a missing component skips the test (a JUnit assumption); in CI
 * ({@code CI=true} in the environment, as {@code .ci/run} exports) it fails the test, naming what is
 * missing, so that a CI run cannot go green by skipping what it was meant to test.
 */
public final class Prerequisites {
    private Prerequisites() {}

    /** Whether this run is CI's: the environment variable {@code CI} is {@code true} (or the property {@code ci}). */
    public static boolean inCi() {
        return Boolean.parseBoolean(System.getenv("CI")) || Boolean.getBoolean("ci");
    }

    /**
     * Goes on if {@code available}; otherwise skips the test, or in CI fails it.
     *
     * @param missing what is missing and how to get it, e.g. "rsyslogd is not installed (apt-get install rsyslog)"
     */
    public static void require(boolean available, String missing) {
        if (!available) {
            unavailable(missing);
        }
    }

    /** Skips the test, or in CI fails it, because {@code missing} is missing. Never returns normally. */
    public static void unavailable(String missing) {
        if (inCi()) {
            Assertions.fail("CI=true, so this suite may not skip: " + missing);
        }
        Assumptions.abort(missing);
    }
}
