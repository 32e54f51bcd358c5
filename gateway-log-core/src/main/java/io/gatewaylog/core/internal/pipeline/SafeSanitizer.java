package io.gatewaylog.core.internal.pipeline;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.internal.ApiAccess;
import io.gatewaylog.api.internal.Failures;
import io.gatewaylog.api.spi.Reporter;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs a component's sanitizer on the caller's thread, before the record is buffered: the work is
 * spread over the threads that log rather than all falling on the one writer thread, and nothing
 * unmasked waits in memory. A sanitizer that fails, with any {@code Throwable} (only {@code ThreadDeath} is
 * let through), never lets the record through unchecked and never throws into the caller: the record is
 * written with a marker in place of its message, fields and error, and its context, logger and thread
 * names are sanitized again on their own; if even that fails they are withheld too.
 */
final class SafeSanitizer {
    static final String WITHHELD = "[withheld]";

    private final UnaryOperator<LogRecord> sanitizer;
    private final Reporter reporter;

    SafeSanitizer(UnaryOperator<LogRecord> sanitizer, Reporter reporter) {
        this.sanitizer = sanitizer;
        this.reporter = reporter;
    }

    LogRecord apply(LogRecord r) {
        try {
            return sanitizer.apply(r);
        } catch (Throwable e) {
            Failures.rethrowIfFatal(e);
            report(r, e);
            LogRecord stripped = ApiAccess.toBuilder(r)
                    .message("[withheld: sanitizer failed: " + e.getClass().getName() + "]")
                    .fields(Map.of())
                    .cause(null)
                    .build(); // cause(null) drops the error too
            try {
                return sanitizer.apply(stripped);
            } catch (Throwable again) {
                Failures.rethrowIfFatal(again);
                return ApiAccess.toBuilder(stripped)
                        .context(Map.of())
                        .logger(WITHHELD)
                        .thread(WITHHELD, stripped.threadId())
                        .build();
            }
        }
    }

    private void report(LogRecord r, Throwable e) {
        try {
            // The failure's own text could hold what was to be masked: its class only.
            reporter.warn("sanitizer failed on a record of " + r.component().id() + " ("
                    + e.getClass().getName() + "); its text is withheld");
        } catch (Throwable again) {
            Failures.rethrowIfFatal(again);
        }
    }
}
