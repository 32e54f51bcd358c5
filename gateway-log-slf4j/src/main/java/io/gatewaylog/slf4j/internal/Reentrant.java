package io.gatewaylog.slf4j.internal;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.spi.Reporter;

/**
 * What becomes of a record logged through a bridge by a thread that is already inside the
 * backend: it cannot go through the backend again, so a WARN or ERROR goes to the logging system's own
 * stderr reporter ({@link Reporter#stderr()}), and anything less is dropped.
 */
final class Reentrant {
    private Reentrant() {}

    static void print(Level level, String logger, String message, Throwable cause) {
        if (!level.isAtLeast(Level.WARN)) {
            return;
        }
        // The cause goes on the line, never as a stack: this thread is busy inside the backend already.
        String line = "(logged while gateway-log was busy on this thread) " + logger + ": " + message
                + (cause == null ? "" : " (" + cause + ")");
        if (level == Level.ERROR) {
            Reporter.stderr().error(line, null);
        } else {
            Reporter.stderr().warn(line);
        }
    }
}
