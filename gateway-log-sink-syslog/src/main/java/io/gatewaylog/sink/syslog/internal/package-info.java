/**
 * The syslog sink's implementation: formatting (RFC 5424, RFC 3164), transports (Unix datagram, UDP,
 * TCP, TLS), the bounded buffer and the sender thread. Not public API: it may change in any release.
 */
package io.gatewaylog.sink.syslog.internal;
