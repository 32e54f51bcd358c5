package io.gatewaylog.core.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.core.internal.sanitize.Sanitizer;
import java.util.function.UnaryOperator;

/**
 * Picks a component's sanitizer from its settings ({@code sanitize.*}, per component). Auth records are
 * always sanitized (the product's contract for auth records): switching it off there is reported and ignored.
 */
final class Sanitizers {
    private Sanitizers() {}

    static UnaryOperator<LogRecord> forComponent(
            Settings settings, LogComponent c, boolean enabled, Reporter reporter) {
        if (!enabled && c == LogComponent.AUTH) {
            reporter.warn(
                    "sanitize.enabled=false is ignored for the auth component: auth records are always sanitized");
            return Sanitizer.defaults()::sanitize;
        }
        if (!enabled) {
            return UnaryOperator.identity();
        }
        Sanitizer sanitizer = Sanitizer.create(settings.forComponent(c));
        return sanitizer.enabled() ? sanitizer::sanitize : UnaryOperator.identity();
    }
}
