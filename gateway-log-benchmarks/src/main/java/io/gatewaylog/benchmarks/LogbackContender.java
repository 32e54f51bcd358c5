package io.gatewaylog.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logback: AsyncAppender (nothing dropped) + RollingFileAppender + JsonEncoder, through SLF4J 2's fluent API. */
final class LogbackContender implements Contender {
    private final Logger logger;

    private LogbackContender(Logger logger) {
        this.logger = logger;
    }

    static LogbackContender start(Path dir, String rotationSize) {
        System.setProperty("bench.dir", dir.toString());
        System.setProperty("bench.rotation", rotationSize);
        System.setProperty("logback.configurationFile", "logback-async.xml");
        return new LogbackContender(LoggerFactory.getLogger("bench"));
    }

    @Override
    public void log(String requestId) {
        logger.atInfo()
                .addKeyValue("customer_id", CUSTOMER)
                .addKeyValue("request_id", requestId)
                .addKeyValue("endpoint", ENDPOINT)
                .addKeyValue("batch_size", BATCH_SIZE)
                .log(MESSAGE);
    }

    @Override
    public void shutdown() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }
}
