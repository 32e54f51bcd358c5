/**
 * Micrometer meters for gateway-log: the logging system's own statistics ({@code GatewayLogMetrics}) and
 * meters made from metric records (the {@code metrics} sink, found through {@code provides LogSinkProvider}).
 */
module io.gatewaylog.sink.metrics {
    requires transitive io.gatewaylog.api;
    requires transitive micrometer.core;

    exports io.gatewaylog.sink.metrics;

    provides io.gatewaylog.api.spi.LogSinkProvider with
            io.gatewaylog.sink.metrics.MetricsSinkProvider;
}
