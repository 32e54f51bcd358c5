/**
 * Routes SLF4J 2, java.util.logging and System.Logger into gateway-log.
 */
module io.gatewaylog.slf4j {
    requires transitive io.gatewaylog.api;
    requires transitive org.slf4j;
    requires transitive java.logging;

    exports io.gatewaylog.slf4j;

    provides org.slf4j.spi.SLF4JServiceProvider with
            io.gatewaylog.slf4j.GatewaySlf4jServiceProvider;
    provides java.lang.System.LoggerFinder with
            io.gatewaylog.slf4j.GatewaySystemLoggerFinder;
}
