package io.gatewaylog.benchmarks;

import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.message.StringMapMessage;

/** Log4j 2: all-async loggers (Disruptor) + RollingRandomAccessFile, or AsyncAppender + RollingFile. */
final class Log4jContender implements Contender {
    private final Logger logger;

    private Log4jContender(Logger logger) {
        this.logger = logger;
    }

    static Log4jContender start(Path dir, String rotationSize, boolean asyncLoggers) {
        System.setProperty("bench.dir", dir.toString());
        System.setProperty("bench.rotation", rotationSize);
        System.setProperty(
                "log4j2.configurationFile",
                asyncLoggers ? "classpath:log4j2-async-loggers.xml" : "classpath:log4j2-async-appender.xml");
        if (asyncLoggers) {
            System.setProperty(
                    "log4j2.contextSelector", "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector");
            System.setProperty("log4j2.asyncLoggerRingBufferSize", "262144");
        }
        // Garbage-free mode is on by default where supported; keep Log4j's own defaults otherwise.
        return new Log4jContender(LogManager.getLogger("bench"));
    }

    @Override
    public void log(String requestId) {
        // Log4j's structured-message idiom: the fields travel in a MapMessage, which JsonTemplateLayout's
        // "map" resolver writes as top-level JSON fields.
        logger.info(new StringMapMessage(5)
                .with("message", MESSAGE)
                .with("customer_id", CUSTOMER)
                .with("request_id", requestId)
                .with("endpoint", ENDPOINT)
                .with("batch_size", BATCH_SIZE));
    }

    @Override
    public void shutdown() {
        LogManager.shutdown();
    }
}
