package io.gatewaylog.api.spi;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import java.util.Map;

/**
 * Counters of one component's pipeline since start-up. Reads are live and lock-free.
 *
 * <p>Every accepted record is eventually counted exactly once: as {@link #written()} or as
 * {@link #dropped()} with one reason. Until then it is pending (in the buffer, in a batch being
 * written, or in a failing sink's backlog), so {@code accepted - written - droppedTotal} is what is
 * still owed; a flush or shutdown that returns true has paid it.
 *
 * @since 1.0
 */
public interface ComponentStatistics {

    /** The component these counters are of. */
    LogComponent component();

    /** Records accepted from callers (above the level). */
    long accepted();

    /**
     * Records of {@code level} accepted from callers: the share of {@link #accepted()} at that level (the
     * counts of all levels add up to it). Counted where a record is accepted, so a record later dropped
     * still counts: an error logged is an error that happened, whether or not its line was written.
     * Statistics that do not count by level answer 0.
     *
     * @since 1.0
     */
    default long accepted(Level level) {
        return 0;
    }

    /**
     * Records written: taken by <em>every</em> sink that accepts the component (the count each sink's
     * {@code write} returned, at its first attempt or a retry). A record that one sink took and another
     * gave up is counted as dropped ({@link DropReason#SINK_FAILURE}), not as written; a record is never
     * counted twice. This is the one meaning of "written" in the statistics, the
     * {@code gateway.log.records.written} meter and the docs.
     */
    long written();

    /**
     * Records dropped, keyed by {@link DropReason#wireName()} ({@code overflow}, {@code shutdown},
     * {@code sink_failure}, {@code reentrant}, {@code writer_failure}, {@code no_sink}; each reason's
     * meaning is on its {@link DropReason} constant).
     */
    Map<String, Long> dropped();

    /** Total of {@link #dropped()}. */
    long droppedTotal();

    /** Records waiting in the buffer now. */
    int buffered();

    /** The most records the buffer holds. */
    int capacity();

    /**
     * The estimated heap the buffered records keep alive, in bytes (bounded by {@code buffer.max.bytes}).
     *
     * @since 1.0
     */
    default long bufferedBytes() {
        return 0;
    }

    /** Sink errors (failed writes or flushes), all sinks together. */
    long sinkErrors();

    /** Flushes completed. */
    long flushes();
}
