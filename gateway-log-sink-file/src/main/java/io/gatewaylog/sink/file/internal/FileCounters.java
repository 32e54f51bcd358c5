package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.Measurement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One component's counters. Updated once per batch, rotation or compression (never per record), so
 * plain atomics cost nothing measurable; read live by the metrics sink.
 */
final class FileCounters {
    final AtomicLong bytesWritten = new AtomicLong();
    final AtomicLong rotations = new AtomicLong();
    final AtomicLong compressionNanos = new AtomicLong();
    final AtomicLong failures = new AtomicLong();

    List<Measurement> measurements(LogComponent component) {
        Map<String, String> tags = Map.of("component", component.id());
        return List.of(
                Measurement.counter(
                        "gateway.log.file.bytes.written",
                        tags,
                        "bytes",
                        "Bytes written to the component's log files",
                        bytesWritten::get),
                Measurement.counter(
                        "gateway.log.file.rotations",
                        tags,
                        null,
                        "Rotations of the component's current.log",
                        rotations::get),
                Measurement.counter(
                        "gateway.log.file.compression.seconds",
                        tags,
                        "seconds",
                        "Time spent compressing rotated files, in total",
                        () -> compressionNanos.get() / 1e9),
                Measurement.counter(
                        "gateway.log.file.failures",
                        tags,
                        null,
                        "Failed writes, rotations and compressions (disk full, I/O errors)",
                        failures::get));
    }
}
