/**
 * The Kafka sink: {@link io.gatewaylog.sink.kafka.KafkaSinkProvider}, found through
 * {@link java.util.ServiceLoader}.
 */
package io.gatewaylog.sink.kafka;
