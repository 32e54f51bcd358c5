/**
 * The gateway-log backend: settings, batching pipelines, JSON encoding, sanitization, retention and
 * the console sink. Found by the API through {@code provides BackendProvider}.
 */
module io.gatewaylog.core {
    requires transitive io.gatewaylog.api;
    requires com.fasterxml.jackson.core;

    exports io.gatewaylog.core;

    uses io.gatewaylog.api.spi.LogSinkProvider;

    provides io.gatewaylog.api.spi.BackendProvider with
            io.gatewaylog.core.CoreBackendProvider;
}
