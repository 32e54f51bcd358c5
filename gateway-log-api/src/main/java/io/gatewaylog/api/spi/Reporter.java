package io.gatewaylog.api.spi;

/**
 * Reports problems of the logging system itself on stderr, prefixed {@code gateway-log:}. Sinks use it
 * instead of logging, which could recurse into themselves.
 *
 * @since 1.0
 */
public interface Reporter {

    /** Reports a warning. */
    void warn(String message);

    /** Reports an error with its cause (the cause's stack is printed once per distinct message). */
    void error(String message, Throwable cause);
}
