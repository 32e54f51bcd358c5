package io.gatewaylog.core.internal;

import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.api.spi.SinkContext;

/** What sink providers get from the core: the one JSON and the one ECS encoder every sink shares. */
record CoreSinkContext(
        Settings settings,
        RecordEncoder encoder,
        RecordEncoder ecsEncoder,
        Reporter reporter,
        LoggingStatistics statistics)
        implements SinkContext {

    @Override
    public RecordEncoder encoder(String format) {
        return ECS.equalsIgnoreCase(format.trim()) ? ecsEncoder : SinkContext.super.encoder(format);
    }
}
