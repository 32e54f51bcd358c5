package io.gatewaylog.sink.syslog;

import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LogSinkProvider;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.SinkContext;
import io.gatewaylog.sink.syslog.internal.SyslogConfig;
import io.gatewaylog.sink.syslog.internal.SyslogKeys;
import io.gatewaylog.sink.syslog.internal.SyslogSink;
import java.util.List;

/**
 * Provides the {@code syslog} sink: RFC 5424 (or RFC 3164) messages over the local socket, UDP, TCP or
 * TLS, with fallback between targets, reconnection and a bounded buffer. By default it takes the auth
 * component's records and sends them to {@code /dev/log}, else to UDP {@code localhost:514}. Its
 * settings are {@code sink.syslog.*}; see {@code docs/gateway-log-sink-syslog.md}.
 *
 * @since 0.8
 */
public final class SyslogSinkProvider implements LogSinkProvider {

    /** The sink's name, as used in {@code sink.syslog.*} settings. */
    public static final String NAME = "syslog";

    /** Used by {@link java.util.ServiceLoader}. */
    public SyslogSinkProvider() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogSink create(SinkContext context) {
        return new SyslogSink(SyslogConfig.from(context.settings()), context.reporter());
    }

    /** The sink's keys ({@code sink.syslog.*}, see {@link SyslogKeys}). */
    @Override
    public List<SettingKey<?>> settings() {
        return SyslogKeys.KEYS;
    }
}
