/**
 * The gateway-log file sink: per-component rotating JSON-lines files, gzip-compressed in the
 * background. Found by the backend through {@code provides LogSinkProvider}.
 */
module io.gatewaylog.sink.file {
    requires transitive io.gatewaylog.api;
    requires org.apache.commons.compress;

    exports io.gatewaylog.sink.file;
    exports io.gatewaylog.sink.file.audit;

    provides io.gatewaylog.api.spi.LogSinkProvider with
            io.gatewaylog.sink.file.FileSinkProvider;
}
