/**
 * The gateway-log API: component loggers, records, scoped context and the SPI for backends and sinks.
 * It requires nothing but {@code java.base}.
 */
module io.gatewaylog.api {
    exports io.gatewaylog.api;
    exports io.gatewaylog.api.spi;

    uses io.gatewaylog.api.spi.BackendProvider;
}
