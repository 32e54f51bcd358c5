package io.gatewaylog.sink.metrics.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import java.util.List;

/**
 * The {@code metrics} sink: takes the metrics component's records and turns metric records into
 * meters. It writes no files (the file sink still does), so it has nothing to flush; meters are
 * registered and updated on the metrics component's writer thread, never the caller's.
 */
public final class MetricsSink implements LogSink {
    private final RecordMeters meters;
    private final MeterDestinations destinations;

    public MetricsSink(RecordMeters meters, MeterDestinations destinations) {
        this.meters = meters;
        this.destinations = destinations;
    }

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public boolean accepts(LogComponent component) {
        return component == LogComponent.METRICS;
    }

    @Override
    public int write(List<LogRecord> batch) {
        // A retried batch would count its counters twice; but nothing here throws on bad records
        // (they are refused and counted), so the core has no reason to retry one.
        for (LogRecord record : batch) {
            meters.record(record);
        }
        return batch.size();
    }

    @Override
    public void flush() {
        // meters are live; nothing is buffered
    }

    @Override
    public void close() {
        destinations.close();
    }
}
