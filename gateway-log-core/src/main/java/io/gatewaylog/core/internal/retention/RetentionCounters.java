package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What retention has done, as measurements: files and bytes deleted per component and reason (all
 * registered from the start, so a dashboard shows zeros rather than gaps), and the disk gauges.
 */
final class RetentionCounters {
    private final LongAdder[][] files = new LongAdder[LogComponent.values().length][DeletionReason.values().length];
    private final LongAdder[][] bytes = new LongAdder[LogComponent.values().length][DeletionReason.values().length];
    private final double thresholdRatio;
    private final List<Measurement> measurements;
    private volatile double usedRatio = Double.NaN;
    private volatile long protectedFiles;
    private volatile long protectedBytes;

    RetentionCounters(double thresholdRatio) {
        this.thresholdRatio = thresholdRatio;
        for (int c = 0; c < files.length; c++) {
            for (int r = 0; r < files[c].length; r++) {
                files[c][r] = new LongAdder();
                bytes[c][r] = new LongAdder();
            }
        }
        this.measurements = List.copyOf(create());
    }

    void deleted(LogComponent component, DeletionReason reason, long size) {
        files[component.ordinal()][reason.ordinal()].increment();
        bytes[component.ordinal()][reason.ordinal()].add(size);
    }

    long files(LogComponent component, DeletionReason reason) {
        return files[component.ordinal()][reason.ordinal()].sum();
    }

    long bytes(LogComponent component, DeletionReason reason) {
        return bytes[component.ordinal()][reason.ordinal()].sum();
    }

    /** The used fraction of the fullest log file system at the last check. */
    void usedRatio(double ratio) {
        this.usedRatio = ratio;
    }

    double usedRatio() {
        return usedRatio;
    }

    /** Auth archives within their retention that emergency cleanup had to leave on a disk still too full (0: none). */
    void protectedAuth(long files, long bytes) {
        this.protectedFiles = files;
        this.protectedBytes = bytes;
    }

    /** The same live measurements on every call. */
    List<Measurement> measurements() {
        return measurements;
    }

    private List<Measurement> create() {
        List<Measurement> all = new ArrayList<>();
        for (LogComponent c : LogComponent.values()) {
            for (DeletionReason r : DeletionReason.values()) {
                Map<String, String> tags = Map.of("component", c.id(), "reason", r.id());
                LongAdder f = files[c.ordinal()][r.ordinal()];
                LongAdder b = bytes[c.ordinal()][r.ordinal()];
                all.add(Measurement.counter(
                        "gateway.log.retention.deleted.files",
                        tags,
                        "files",
                        "Rotated archives deleted by retention",
                        f::sum));
                all.add(Measurement.counter(
                        "gateway.log.retention.deleted.bytes",
                        tags,
                        "bytes",
                        "Bytes freed by deleting rotated archives",
                        b::sum));
            }
        }
        all.add(Measurement.gauge(
                "gateway.log.disk.usage.ratio",
                Map.of(),
                null,
                "Used fraction of the fullest file system holding the logs, at the last check",
                () -> usedRatio));
        all.add(Measurement.gauge(
                "gateway.log.disk.threshold.ratio",
                Map.of(),
                null,
                "Used fraction above which emergency cleanup starts",
                () -> thresholdRatio));
        // Alert on > 0: the disk is above the threshold and only auth archives within their retention are left.
        all.add(Measurement.gauge(
                "gateway.log.retention.emergency.protected.files",
                Map.of(),
                "files",
                "Auth archives within their retention that emergency cleanup left on a disk still above the threshold",
                () -> protectedFiles));
        all.add(Measurement.gauge(
                "gateway.log.retention.emergency.protected.bytes",
                Map.of(),
                "bytes",
                "Bytes of auth archives within their retention that emergency cleanup left on a disk still above the threshold",
                () -> protectedBytes));
        return all;
    }
}
