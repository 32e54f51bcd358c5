package io.gatewaylog.benchmarks;

import java.nio.file.Path;

/**
 * One logging framework set up to write the benchmark's record (an INFO message with customer_id,
 * request_id, endpoint and batch_size) as one JSON line to a size-rolling, gzip-on-rollover file in
 * {@code dir} (the hand-written ceiling rolls without gzip). Each contender is started once per JVM (JMH forks one per parameter), because the
 * frameworks configure themselves through JVM-wide state.
 */
interface Contender {
    String CUSTOMER = "customer_123";
    String ENDPOINT = "/api/v1/messages";
    String MESSAGE = "Processing request";
    int BATCH_SIZE = 50;

    /** Logs the record with this request id. */
    void log(String requestId);

    /** Stops the framework, writing out everything it accepted. */
    void shutdown();

    /** Starts the named contender writing into {@code dir}. */
    static Contender start(String name, Path dir, String rotationSize) {
        return switch (name) {
            case "gatewaylog" -> GatewayLogContender.start(dir, rotationSize, true, true);
            case "gatewaylog-nosanitize" -> GatewayLogContender.start(dir, rotationSize, false, true);
            // like for like with the hand-written ceiling, which rolls by rename and never compresses
            case "gatewaylog-nogzip" -> GatewayLogContender.start(dir, rotationSize, true, false);
            case "gatewaylog-defaults" -> GatewayLogContender.startWithDefaults(dir);
            case "log4j2-async-loggers" -> Log4jContender.start(dir, rotationSize, true);
            case "log4j2-async-appender" -> Log4jContender.start(dir, rotationSize, false);
            case "logback-async" -> LogbackContender.start(dir, rotationSize);
            case "handwritten" -> HandwrittenContender.start(dir, rotationSize);
            default -> throw new IllegalArgumentException("unknown contender " + name);
        };
    }
}
