package io.gatewaylog.core.internal.config;

/** What a full buffer does with the next record (setting {@code overflow}). */
public enum OverflowPolicy {
    /** The caller waits until there is room: nothing is lost (the default). */
    BLOCK,
    /** The new record is dropped and counted. */
    DROP_NEWEST,
    /** The oldest buffered record is dropped and counted to make room. */
    DROP_OLDEST
}
