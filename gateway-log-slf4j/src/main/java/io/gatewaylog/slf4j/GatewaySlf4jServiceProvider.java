package io.gatewaylog.slf4j;

import io.gatewaylog.slf4j.internal.ContextMdcAdapter;
import io.gatewaylog.slf4j.internal.Slf4jLoggerFactory;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider: with {@code gateway-log-slf4j} on the class path, every SLF4J logger writes
 * to gateway-log. Found by SLF4J through {@link java.util.ServiceLoader}; applications do not use it
 * directly.
 *
 * <ul>
 *   <li>a logger's name picks its component ({@code gateway.log.slf4j.components}, default {@code system});
 *   <li>{@code {}} placeholders and a trailing throwable behave as in SLF4J's own backends;
 *   <li>fluent key-values ({@code addKeyValue}) become record fields, markers a {@code markers} field;
 *   <li>the MDC is the thread's {@link io.gatewaylog.api.LogContext}, so its values are context fields.
 * </ul>
 *
 * @since 0.6
 */
public final class GatewaySlf4jServiceProvider implements SLF4JServiceProvider {
    /** The SLF4J API version this provider is written against. */
    public static final String REQUESTED_API_VERSION = "2.0.99";

    // Made eagerly: SLF4J may ask for the MDC adapter before or without initialize().
    private final ILoggerFactory loggerFactory = new Slf4jLoggerFactory();
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new ContextMdcAdapter();

    /** Called by {@link java.util.ServiceLoader}. */
    public GatewaySlf4jServiceProvider() {}

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }

    @Override
    public void initialize() {
        // Nothing to start: gateway-log's backend is bound on the first record, not when SLF4J starts.
    }
}
