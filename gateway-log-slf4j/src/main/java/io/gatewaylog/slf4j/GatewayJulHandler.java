package io.gatewaylog.slf4j;

import io.gatewaylog.api.Level;
import io.gatewaylog.slf4j.internal.BridgeTarget;
import io.gatewaylog.slf4j.internal.BridgeTargets;
import io.gatewaylog.slf4j.internal.JdkMessages;
import io.gatewaylog.slf4j.internal.JulLevels;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A java.util.logging handler that writes every record it is given to gateway-log, routed by logger
 * name like SLF4J loggers. {@code {0}} parameters and resource bundles are resolved as the JDK's
 * formatters do; a record's throwable becomes the record's {@code error}.
 *
 * <p>Install it with {@link GatewayLogJul#install()}, or name it in {@code logging.properties}:
 * <pre>
 * handlers = io.gatewaylog.slf4j.GatewayJulHandler
 * .level = FINE
 * </pre>
 *
 * @since 0.6
 */
public final class GatewayJulHandler extends Handler {

    /** A handler accepting every level; gateway-log's own levels decide what is written. */
    public GatewayJulHandler() {
        setLevel(java.util.logging.Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        Level level = JulLevels.toGateway(record.getLevel());
        if (level == null) {
            return;
        }
        BridgeTarget target = BridgeTargets.forName(record.getLoggerName());
        if (target.isEnabled(level)) {
            target.log(
                    level,
                    JdkMessages.format(record.getMessage(), record.getResourceBundle(), record.getParameters()),
                    null,
                    record.getThrown());
        }
    }

    @Override
    public void flush() {
        // Records are handed over when published; gateway-log flushes on its own schedule.
    }

    @Override
    public void close() {
        // Nothing held: closing this handler does not shut gateway-log down.
    }
}
