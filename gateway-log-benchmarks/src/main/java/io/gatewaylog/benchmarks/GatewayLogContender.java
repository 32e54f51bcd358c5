package io.gatewaylog.benchmarks;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.core.GatewayLogBackend;
import java.nio.file.Path;
import java.time.Duration;

/** gateway-log with the file sink (found on the class path), sanitization on or off, gzip on rollover or not. */
final class GatewayLogContender implements Contender {
    private final GatewayLogBackend backend;
    private final GatewayLogger log;

    private GatewayLogContender(GatewayLogBackend backend) {
        this.backend = backend;
        this.log = backend.logger(LogComponent.API, "bench");
    }

    static GatewayLogContender start(Path dir, String rotationSize, boolean sanitize, boolean compress) {
        GatewayLogBackend backend = GatewayLogBackend.builder()
                .setting("dir", dir.toString())
                .setting("level", "INFO")
                .setting("rotation.size", rotationSize)
                .setting("backups", "1000")
                .setting("buffer.size", "5000")
                .setting("buffer.max", "262144")
                .setting("sanitize.enabled", String.valueOf(sanitize))
                .setting("sink.file.compress", String.valueOf(compress))
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("retention.enabled", "false")
                // on the class path for HungCollectorBenchmark and the Kafka benchmark only; these
                // benchmarks compare file logging
                .setting("sink.syslog.enabled", "false")
                .setting("sink.kafka.enabled", "false")
                .build();
        return new GatewayLogContender(backend);
    }

    /** Only what the test needs changed (the directory, no console, INFO): every other setting at its default. */
    static GatewayLogContender startWithDefaults(Path dir) {
        return new GatewayLogContender(GatewayLogBackend.builder()
                .setting("dir", dir.toString())
                .setting("level", "INFO")
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("backups", "1000")
                .setting("sink.syslog.enabled", "false")
                .setting("sink.kafka.enabled", "false")
                .build());
    }

    @Override
    public void log(String requestId) {
        // Fields.of is gateway-log's idiom for a record's fields, as StringMapMessage is Log4j's and
        // addKeyValue is SLF4J's: the cheapest way each framework offers (Map.of also works, at about
        // twice the allocation per call).
        log.info(
                MESSAGE,
                Fields.of(
                        "customer_id",
                        CUSTOMER,
                        "request_id",
                        requestId,
                        "endpoint",
                        ENDPOINT,
                        "batch_size",
                        BATCH_SIZE));
    }

    @Override
    public void shutdown() {
        backend.shutdown(Duration.ofMinutes(5));
    }
}
