package io.gatewaylog.api.spi;

import io.gatewaylog.api.LogComponent;
import java.util.List;

/**
 * The backend's self-statistics: per component, and the sinks' own measurements.
 *
 * <p>{@code written} means taken by every sink that accepts the component (see
 * {@link ComponentStatistics#written()}); with one sink, taken by it. Each accepted record is counted
 * once, as written or as dropped with a reason.
 *
 * @since 1.0
 */
public interface LoggingStatistics {

    /** The statistics of one component's pipeline. */
    ComponentStatistics component(LogComponent component);

    /**
     * Every live measurement of the backend and its sinks: the component meter catalogue first, then
     * every sink's and job's own. The catalogue is, for every component (tag {@code component}), whether
     * or not it logged: {@code gateway.log.records} (tag {@code level}: TRACE … ERROR),
     * {@code gateway.log.records.accepted}, {@code .written} (as {@link ComponentStatistics#written()}),
     * {@code .dropped} (tag {@code reason}: every {@link DropReason#wireName()}, at zero until it
     * happens), {@code gateway.log.buffer.records}, {@code gateway.log.buffer.bytes},
     * {@code gateway.log.buffer.capacity}, {@code gateway.log.sink.errors}, {@code gateway.log.flushes}.
     * The metrics sink publishes exactly this list (plus its flush-latency timer), so it is the one
     * definition of those meters.
     */
    List<Measurement> measurements();

    /** Registers a listener called after each flush of a component's pipeline (on its writer thread). */
    void addFlushListener(FlushListener listener);

    /** An empty instance, for the no-op backend. */
    static LoggingStatistics empty() {
        return io.gatewaylog.api.internal.EmptyStatistics.INSTANCE;
    }

    /**
     * Called after each flush; must be quick and must not log.
     *
     * @since 1.0
     */
    @FunctionalInterface
    interface FlushListener {
        /** {@code records} records of {@code component} were written and flushed in {@code nanos}. */
        void onFlush(LogComponent component, int records, long nanos);
    }
}
