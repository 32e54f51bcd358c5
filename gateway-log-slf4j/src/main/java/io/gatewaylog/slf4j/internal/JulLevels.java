package io.gatewaylog.slf4j.internal;

import io.gatewaylog.api.Level;

/**
 * java.util.logging levels to ours, by their numeric value so that custom levels land between the
 * standard ones: FINEST and FINER are TRACE, FINE and CONFIG are DEBUG, INFO, WARNING is WARN, SEVERE
 * (and anything above WARNING) is ERROR, OFF is never written.
 *
 * <p>CONFIG goes to DEBUG, unlike SLF4J's jul-to-slf4j (INFO): JUL ranks it below INFO, and
 * production keeps INFO, where start-up configuration chatter of libraries does not belong.
 */
public final class JulLevels {
    private JulLevels() {}

    /** Our level of a JUL level, or null for OFF. */
    public static Level toGateway(java.util.logging.Level level) {
        int v = level.intValue();
        if (v == java.util.logging.Level.OFF.intValue()) {
            return null;
        }
        if (v <= java.util.logging.Level.FINER.intValue()) {
            return Level.TRACE;
        }
        if (v <= java.util.logging.Level.CONFIG.intValue()) {
            return Level.DEBUG;
        }
        if (v <= java.util.logging.Level.INFO.intValue()) {
            return Level.INFO;
        }
        if (v <= java.util.logging.Level.WARNING.intValue()) {
            return Level.WARN;
        }
        return Level.ERROR;
    }

    /** The least severe JUL level that still maps to {@code level}, for JUL's own loggers' thresholds. */
    public static java.util.logging.Level threshold(Level level) {
        switch (level) {
            case TRACE:
                return java.util.logging.Level.ALL;
            case DEBUG:
                return java.util.logging.Level.FINE;
            case INFO:
                return java.util.logging.Level.INFO;
            case WARN:
                return java.util.logging.Level.WARNING;
            default:
                return java.util.logging.Level.SEVERE;
        }
    }
}
