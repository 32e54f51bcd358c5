package io.gatewaylog.api.spi;

import io.gatewaylog.api.internal.PrintingReporter;

/**
 * Reports problems of the logging system itself. Sinks get one from {@link SinkContext#reporter()} and use it
 * instead of logging, which could recurse into themselves.
 *
 * @since 1.0
 */
public interface Reporter {

    /**
     * The logging system's own diagnostics on stderr, as SLF4J reports its own: one line per report, prefixed
     * {@code gateway-log: WARN} or {@code gateway-log: ERROR}, written to {@code System.err} as it is at the time
     * of the report, never through a logger. An error's cause is appended to its line, and its stack trace is
     * printed the first time its message is reported (so a sink failing in a loop does not flood stderr).
     * Every module uses this one where no backend handed it a reporter.
     *
     * @return the shared stderr reporter
     * @since 1.0
     */
    static Reporter stderr() {
        return PrintingReporter.stderr();
    }

    /**
     * Reports a warning.
     *
     * @param message what happened and what it costs, on one line
     */
    void warn(String message);

    /**
     * Reports an error with its cause.
     *
     * @param message what failed, on one line
     * @param cause the failure, or null
     */
    void error(String message, Throwable cause);
}
