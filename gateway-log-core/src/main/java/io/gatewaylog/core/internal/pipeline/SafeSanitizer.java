package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.Reporter;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs a component's sanitizer on the caller's thread, before the record is buffered: the work is
 * spread over the threads that log rather than all falling on the one writer thread, and nothing
 * unmasked waits in memory. A sanitizer that fails never lets the record through unchecked: its shape
 * is kept and its text withheld.
 */
final class SafeSanitizer {
    private final UnaryOperator<LogRecord> sanitizer;
    private final Reporter reporter;

    SafeSanitizer(UnaryOperator<LogRecord> sanitizer, Reporter reporter) {
        this.sanitizer = sanitizer;
        this.reporter = reporter;
    }

    LogRecord apply(LogRecord r) {
        try {
            return sanitizer.apply(r);
        } catch (RuntimeException | StackOverflowError e) {
            reporter.error("sanitizer failed on a record of " + r.component().id() + "; its text is withheld", e);
            return r.toBuilder().message("[withheld: sanitizer failed: " + e.getClass().getName() + "]")
                    .fields(Map.of()).error(null).cause(null).build();
        }
    }
}
