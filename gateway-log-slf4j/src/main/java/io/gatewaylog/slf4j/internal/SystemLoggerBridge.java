package io.gatewaylog.slf4j.internal;

import java.util.ResourceBundle;

/**
 * A {@link System.Logger} writing to a {@link BridgeTarget}. Levels: ALL and TRACE are TRACE,
 * WARNING is WARN, OFF is never written, the rest by name. Messages with parameters are
 * {@link java.text.MessageFormat} patterns, as the interface specifies.
 */
public final class SystemLoggerBridge implements System.Logger {
    // Our Level is written in full: inside this class "Level" means the inherited System.Logger.Level.
    private final BridgeTarget target;

    public SystemLoggerBridge(BridgeTarget target) {
        this.target = target;
    }

    @Override
    public String getName() {
        return target.name();
    }

    @Override
    public boolean isLoggable(System.Logger.Level level) {
        io.gatewaylog.api.Level l = toGateway(level);
        return l != null && target.isEnabled(l);
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String message, Throwable thrown) {
        io.gatewaylog.api.Level l = toGateway(level);
        if (l != null && target.isEnabled(l)) {
            target.log(l, JdkMessages.format(message, bundle, null), null, thrown);
        }
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String format, Object... params) {
        io.gatewaylog.api.Level l = toGateway(level);
        if (l != null && target.isEnabled(l)) {
            target.log(l, JdkMessages.format(format, bundle, params), null, null);
        }
    }

    static io.gatewaylog.api.Level toGateway(System.Logger.Level level) {
        switch (level) {
            case ALL:
            case TRACE:
                return io.gatewaylog.api.Level.TRACE;
            case DEBUG:
                return io.gatewaylog.api.Level.DEBUG;
            case INFO:
                return io.gatewaylog.api.Level.INFO;
            case WARNING:
                return io.gatewaylog.api.Level.WARN;
            case ERROR:
                return io.gatewaylog.api.Level.ERROR;
            default:
                return null; // OFF
        }
    }
}
