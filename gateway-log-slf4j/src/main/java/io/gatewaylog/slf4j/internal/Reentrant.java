package io.gatewaylog.slf4j.internal;

import io.gatewaylog.api.Level;

/**
 * What becomes of a record logged through a bridge by a thread that is already inside the
 * backend: it cannot go through the backend again, so a WARN or ERROR is printed on stderr, in the
 * {@code gateway-log:} style of the backend's own diagnostics, and anything less is dropped.
 */
final class Reentrant {
    private Reentrant() {
    }

    static void print(Level level, String logger, String message, Throwable cause) {
        if (!level.isAtLeast(Level.WARN)) {
            return;
        }
        System.err.println("gateway-log: " + level + " (logged while gateway-log was busy on this thread) "
                + logger + ": " + message + (cause == null ? "" : " (" + cause + ")"));
    }
}
