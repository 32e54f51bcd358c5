/**
 * The syslog sink: {@link io.gatewaylog.sink.syslog.SyslogSinkProvider}, found through
 * {@link java.util.ServiceLoader}.
 */
package io.gatewaylog.sink.syslog;
