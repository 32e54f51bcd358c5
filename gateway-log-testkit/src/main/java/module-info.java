/** Test support for gateway-log sinks: an in-memory sink and the compatibility kit every sink runs. */
module io.gatewaylog.testkit {
    requires transitive io.gatewaylog.api;
    requires io.gatewaylog.core;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;

    exports io.gatewaylog.testkit;
}
