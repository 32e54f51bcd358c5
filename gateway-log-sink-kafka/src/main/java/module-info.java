/**
 * The Kafka sink for gateway-log: records to Kafka topics through a bounded, crash-safe disk spool.
 */
module io.gatewaylog.sink.kafka {
    requires transitive io.gatewaylog.api;
    requires kafka.clients;

    exports io.gatewaylog.sink.kafka;

    provides io.gatewaylog.api.spi.LogSinkProvider with
            io.gatewaylog.sink.kafka.KafkaSinkProvider;
}
