package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.core.internal.retention.DiskUsageProbe;
import io.gatewaylog.core.internal.retention.RetentionJob;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The real retention job over a sink opened directly, with retention's age and disk limits off: what
 * is left is the backups pruning retention does for the sink on its own thread (a backend starts it
 * the same way). Tests wait for its result with Awaitility.
 */
final class Pruning {
    private Pruning() {}

    static RetentionJob start(RotatingFileSink sink, Reporter reporter) {
        return RetentionJob.start(
                TestContext.settings(Map.of("retention.enabled", "false")),
                List.of(sink),
                record -> {},
                reporter,
                Clock.systemUTC(),
                DiskUsageProbe.fileStore());
    }
}
