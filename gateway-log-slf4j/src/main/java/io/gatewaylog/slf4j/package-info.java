/**
 * Routes the logging APIs that libraries use into gateway-log: an SLF4J 2 provider
 * ({@link io.gatewaylog.slf4j.GatewaySlf4jServiceProvider}), a {@link java.lang.System.LoggerFinder}
 * ({@link io.gatewaylog.slf4j.GatewaySystemLoggerFinder}) and a java.util.logging handler
 * ({@link io.gatewaylog.slf4j.GatewayJulHandler}, installed by {@link io.gatewaylog.slf4j.GatewayLogJul}).
 * Logger names are routed to components by the {@code gateway.log.slf4j.components} setting, or by a table
 * set in code ({@link io.gatewaylog.slf4j.BridgeRouting}).
 */
package io.gatewaylog.slf4j;
