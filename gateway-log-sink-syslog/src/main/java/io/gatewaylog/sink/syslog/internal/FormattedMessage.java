package io.gatewaylog.sink.syslog.internal;

/** One formatted syslog message, and whether it had to be cut to fit. */
record FormattedMessage(byte[] bytes, boolean truncated) {}
