package io.gatewaylog.sink.metrics.internal;

import io.gatewaylog.api.spi.Reporter;

/**
 * The reporter used where no backend gave one (a binder created by the application): the same
 * {@code gateway-log:} prefixed stderr lines as the backend's. Never logs, which could recurse.
 */
public final class Diagnostics implements Reporter {
    public static final Diagnostics STDERR = new Diagnostics();

    private Diagnostics() {
    }

    @Override
    public void warn(String message) {
        System.err.println("gateway-log: WARN " + message);
    }

    @Override
    public void error(String message, Throwable cause) {
        System.err.println("gateway-log: ERROR " + message + (cause == null ? "" : " (" + cause + ")"));
    }
}
