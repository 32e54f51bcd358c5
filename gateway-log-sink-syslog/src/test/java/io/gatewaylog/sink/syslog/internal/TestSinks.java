package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.Measurement;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.core.internal.config.LayeredSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Builds sinks and records for tests, with core's real settings parser (no system properties or env). */
final class TestSinks {
    private TestSinks() {}

    /** Settings from {@code sink.syslog.}-less keys, e.g. {@code "targets" -> "udp:127.0.0.1:514"}. */
    static Settings settings(Map<String, String> sinkKeys) {
        Map<String, String> code = new HashMap<>();
        sinkKeys.forEach((k, v) -> code.put(SyslogConfig.PREFIX + k, v));
        return LayeredSettings.load(code, new Properties(), Map.of());
    }

    static SyslogConfig config(Map<String, String> sinkKeys) {
        return SyslogConfig.from(settings(sinkKeys));
    }

    static LogRecord record(LogComponent component, Level level, String message, Map<String, ?> fields) {
        return LogRecord.builder(level, component, "test.logger")
                .message(message)
                .fields(fields)
                .build();
    }

    static LogRecord auth(String message) {
        return record(LogComponent.AUTH, Level.INFO, message, Map.of());
    }

    static double measurement(SyslogSink sink, String suffix) {
        for (Measurement m : sink.measurements()) {
            if (m.name().equals("gateway.log.syslog." + suffix)) {
                return m.value();
            }
        }
        throw new AssertionError("no measurement " + suffix);
    }

    /** Records sent to one target ({@code gateway.log.syslog.target.sent{target=...}}). */
    static double sentTo(SyslogSink sink, String target) {
        for (Measurement m : sink.measurements()) {
            if (m.name().equals("gateway.log.syslog.target.sent")
                    && target.equals(m.tags().get("target"))) {
                return m.value();
            }
        }
        throw new AssertionError("no target " + target);
    }
}
