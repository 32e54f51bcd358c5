/**
 * The syslog sink for gateway-log: RFC 5424 over /dev/log, UDP, TCP and TLS. JNA is optional: it is
 * needed only for the local Unix datagram socket.
 */
module io.gatewaylog.sink.syslog {
    requires transitive io.gatewaylog.api;
    requires static com.sun.jna;

    exports io.gatewaylog.sink.syslog;
    // JNA makes a proxy of the libc interface and reads its methods reflectively.
    opens io.gatewaylog.sink.syslog.internal to
            com.sun.jna;

    provides io.gatewaylog.api.spi.LogSinkProvider with
            io.gatewaylog.sink.syslog.SyslogSinkProvider;
}
