package io.gatewaylog.api.spi;

import java.util.Locale;

/**
 * Why the backend dropped an accepted record: the keys of {@link ComponentStatistics#dropped()} and the
 * {@code reason} tag of {@code gateway.log.records.dropped}, by {@linkplain #wireName() wire name}. Every
 * reason is published even while it is zero, so an alert on a reason always has a series to read.
 *
 * @since 1.0
 */
public enum DropReason {
    /** The buffer was full (records or bytes) under {@code overflow=drop-newest} or {@code drop-oldest}. */
    OVERFLOW,
    /** Logged after shutdown began, or still buffered when the writer stopped. */
    SHUTDOWN,
    /**
     * A sink gave the record up: its backlog overflowed, it failed through shutdown, or auth's
     * {@code sync.timeout} passed with no sink taking it. A record one sink took and another gave up
     * is dropped for this reason, never counted as written.
     */
    SINK_FAILURE,
    /**
     * Logged from inside gateway-log (a sink, or a value's {@code toString()}) while the buffer was full,
     * so a sink that logs on every write cannot loop.
     */
    REENTRANT,
    /** The component's writer thread died more often than it is restarted. */
    WRITER_FAILURE,
    /** No sink accepts the component. */
    NO_SINK;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The name in statistics and meter tags: the constant's name in lower case ({@code sink_failure}). */
    public String wireName() {
        return wireName;
    }

    /** The reason of a wire name, or null if none has it. */
    public static DropReason ofWireName(String wireName) {
        for (DropReason r : values()) {
            if (r.wireName.equals(wireName)) {
                return r;
            }
        }
        return null;
    }
}
