package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.api.spi.SinkContext;
import io.gatewaylog.core.internal.config.LayeredSettings;
import io.gatewaylog.core.internal.json.JsonRecordEncoder;
import java.util.Map;
import java.util.Properties;

/** A sink context from the core's real settings and encoder, isolated from this JVM's environment. */
record TestContext(Settings settings, RecordEncoder encoder, Reporter reporter, LoggingStatistics statistics)
        implements SinkContext {

    static TestContext of(Map<String, String> settings, Reporter reporter) {
        return new TestContext(
                LayeredSettings.load(settings, new Properties(), Map.of()),
                new JsonRecordEncoder("gateway", 32768),
                reporter,
                LoggingStatistics.empty());
    }

    static Settings settings(Map<String, String> settings) {
        return LayeredSettings.load(settings, new Properties(), Map.of());
    }
}
