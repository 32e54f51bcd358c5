/**
 * Test support for gateway-log sinks: an in-memory sink, a recording reporter and the compatibility kit every
 * sink runs. The package {@code io.gatewaylog.testkit.internal} (support for our own suites) is not exported.
 */
module io.gatewaylog.testkit {
    requires transitive io.gatewaylog.api;
    requires transitive io.gatewaylog.core;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;

    exports io.gatewaylog.testkit;
}
