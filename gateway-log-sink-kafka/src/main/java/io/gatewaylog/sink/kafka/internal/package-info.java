/**
 * The Kafka sink's implementation: settings, the disk spool (segments, frames, the committed offset) and
 * the sender thread. Not public API: it may change in any release.
 */
package io.gatewaylog.sink.kafka.internal;
