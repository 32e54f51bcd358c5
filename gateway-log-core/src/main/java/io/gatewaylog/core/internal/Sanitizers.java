package io.gatewaylog.core.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.core.internal.sanitize.Sanitizer;
import java.util.function.UnaryOperator;

/** Picks a component's sanitizer from its settings ({@code sanitize.*}, per component). */
final class Sanitizers {
    private Sanitizers() {
    }

    static UnaryOperator<LogRecord> forComponent(Settings settings, LogComponent c, boolean enabled) {
        if (!enabled) {
            return UnaryOperator.identity();
        }
        Sanitizer sanitizer = Sanitizer.create(settings.forComponent(c));
        return sanitizer.enabled() ? sanitizer::sanitize : UnaryOperator.identity();
    }
}
