/**
 * The gateway-log API: component loggers, records, scoped context and the SPI for backends and sinks.
 * It requires nothing but {@code java.base}.
 */
module io.gatewaylog.api {
    exports io.gatewaylog.api;
    exports io.gatewaylog.api.spi;
    // Not public API: shared with the backend only (ApiAccess, the no-op builder, Failures, PrintingReporter).
    // Sinks and the bridges need none of it (Reporter.stderr() is in the SPI); on the class path it is
    // reachable, but left out of the javadoc and the API check.
    exports io.gatewaylog.api.internal to
            io.gatewaylog.core;

    uses io.gatewaylog.api.spi.BackendProvider;
}
