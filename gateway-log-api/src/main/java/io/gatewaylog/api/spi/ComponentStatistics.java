package io.gatewaylog.api.spi;

import io.gatewaylog.api.LogComponent;
import java.util.Map;

/**
 * Counters of one component's pipeline since start-up. Reads are live and lock-free.
 *
 * @since 1.0
 */
public interface ComponentStatistics {

    LogComponent component();

    /** Records accepted from callers (above the level). */
    long accepted();

    /** Records handed to the sinks and written without error (by at least the first attempt or a retry). */
    long written();

    /** Records dropped, by reason ({@code overflow}, {@code shutdown}, {@code sink_failure}). */
    Map<String, Long> dropped();

    /** Total of {@link #dropped()}. */
    long droppedTotal();

    /** Records waiting in the buffer now. */
    int buffered();

    /** The most records the buffer holds. */
    int capacity();

    /** Sink errors (failed writes or flushes), all sinks together. */
    long sinkErrors();

    /** Flushes completed. */
    long flushes();
}
