/**
 * Micrometer integration: {@link io.gatewaylog.sink.metrics.GatewayLogMetrics} publishes the logging
 * system's self-statistics, and {@link io.gatewaylog.sink.metrics.MetricsSinkProvider} turns metric records
 * into meters.
 */
package io.gatewaylog.sink.metrics;
