package io.gatewaylog.core.internal;

import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.api.spi.SinkContext;

/** What sink providers get from the core. */
record CoreSinkContext(Settings settings, RecordEncoder encoder, Reporter reporter, LoggingStatistics statistics)
        implements SinkContext {
}
