package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.Level;

/** Maps our levels to RFC 5424 severities (section 6.2.1). */
final class Severity {
    static final int ERROR = 3;
    static final int WARNING = 4;
    static final int INFORMATIONAL = 6;
    static final int DEBUG = 7;

    private Severity() {}

    static int of(Level level) {
        switch (level) {
            case ERROR:
                return ERROR;
            case WARN:
                return WARNING;
            case INFO:
                return INFORMATIONAL;
            default:
                // TRACE has no syslog counterpart: debug is the least severe there is.
                return DEBUG;
        }
    }

    /** The PRI value: facility * 8 + severity. */
    static int pri(Facility facility, Level level) {
        return facility.code() * 8 + of(level);
    }
}
