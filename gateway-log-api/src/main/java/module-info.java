/**
 * The gateway-log API: component loggers, records, scoped context and the SPI for backends and sinks.
 * It requires nothing but {@code java.base}.
 */
module io.gatewaylog.api {
    exports io.gatewaylog.api;
    exports io.gatewaylog.api.spi;
    // Shared with our own modules only (the no-op builder, the stderr reporter); not public API.
    exports io.gatewaylog.api.internal to io.gatewaylog.core, io.gatewaylog.slf4j;

    uses io.gatewaylog.api.spi.BackendProvider;
}
