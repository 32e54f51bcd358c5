package io.gatewaylog.core.internal.retention;

import java.util.Locale;

/** Why an archive was deleted. */
public enum DeletionReason {
    /** Older than its component's retention. */
    RETENTION,
    /** The disk was above the threshold and this was the least valuable archive left. */
    EMERGENCY;

    /** The lower-case name written in records, tags and the tool's output. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
