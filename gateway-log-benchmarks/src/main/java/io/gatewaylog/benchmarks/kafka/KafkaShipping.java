package io.gatewaylog.benchmarks.kafka;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Measurement;
import io.gatewaylog.core.GatewayLogBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.message.StringMapMessage;

/**
 * Shipping logs to Kafka, one contender per JVM, against a fresh broker on loopback: N records (the
 * benchmarks' usual API record) logged by T threads as fast as they go, then the time until the broker
 * has acknowledged them; every record is read back from the topic with a consumer, so the rate counts
 * only distinct records found in Kafka. With {@code restart}, the broker is killed (SIGKILL) when half
 * the records are logged and started again at once; what never arrives is "lost".
 *
 * <p>Contenders: {@code gatewaylog} (gateway-log-sink-kafka: spool, sender thread, acks=all,
 * idempotent); {@code log4j2} (Log4j 2.26's KafkaAppender, syncSend=false, the same producer
 * settings: acks=all, idempotent, linger.ms=5, batch.size=256KB); {@code log4j2-sync} (its default, syncSend=true: the
 * caller waits for each acknowledgement).
 *
 * <p>Prints {@code RESULT contender threads records restart seconds found distinct duplicates}.
 * Usage: {@code KafkaShipping CONTENDER THREADS RECORDS restart|steady BROKER_CLASSPATH_FILE}
 */
public final class KafkaShipping {
    static final String TOPIC = "bench";

    private KafkaShipping() {}

    interface Shipper {
        void log(String requestId);

        /** Returns once everything logged is acknowledged (or given up on). */
        void finish() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int threads = Integer.parseInt(args[1]);
        int records = Integer.parseInt(args[2]);
        boolean restart = args[3].equals("restart");
        try (BenchBroker broker = BenchBroker.start(Path.of(args[4]))) {
            broker.createTopic(TOPIC);
            Path spool = Files.createTempDirectory("bench-spool");
            Shipper s = shipper(name, broker.bootstrap(), spool);
            AtomicLong logged = new AtomicLong();
            Thread restarter = restart ? restartHalfway(broker, logged, records) : null;
            long start = System.nanoTime();
            logConcurrently(s, threads, records, logged);
            long callsDone = System.nanoTime();
            if (restarter != null) {
                restarter.join();
            }
            s.finish();
            // Whatever a contender still delivers after its shutdown returned counts for it, and the clock
            // runs until the topic stops growing: the last time its end offset moved (3 s of quiet ends the wait).
            long end = TopicReadBack.settle(broker.bootstrap(), records, System.nanoTime());
            int[] count = TopicReadBack.count(broker.bootstrap(), records);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT %s %d %d %s %.3f %d %d %d %.3f%n",
                    name,
                    threads,
                    records,
                    restart ? "restart" : "steady",
                    (end - start) / 1e9,
                    count[0],
                    count[1],
                    count[0] - count[1],
                    (callsDone - start) / 1e9);
            BenchBroker.deleteRecursively(spool);
        }
        System.exit(0);
    }

    private static Shipper shipper(String name, String bootstrap, Path spool) {
        return switch (name) {
            case "gatewaylog" -> gatewayLog(bootstrap, spool);
            case "log4j2" -> log4j(bootstrap, false);
            case "log4j2-sync" -> log4j(bootstrap, true);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Kills the broker (SIGKILL) once half the records are logged and starts it again at once. */
    private static Thread restartHalfway(BenchBroker broker, AtomicLong logged, int records) {
        Thread restarter = new Thread(
                () -> {
                    try {
                        while (logged.get() < records / 2) {
                            Thread.sleep(1);
                        }
                        broker.kill();
                        broker.start();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "restarter");
        restarter.start();
        return restarter;
    }

    /** Logs the records 0..records-1 from {@code threads} threads (thread t takes every t-th); returns when all are logged. */
    private static void logConcurrently(Shipper s, int threads, int records, AtomicLong logged)
            throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread w = new Thread(
                    () -> {
                        for (int i = first; i < records; i += threads) {
                            s.log(Integer.toString(i));
                            logged.incrementAndGet();
                        }
                    },
                    "logger-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
    }

    private static Shipper gatewayLog(String bootstrap, Path spool) {
        GatewayLogBackend backend = GatewayLogBackend.builder()
                .setting("dir", spool.resolve("logs").toString())
                .setting("level", "INFO")
                .setting("buffer.size", "5000")
                .setting("buffer.max", "262144")
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("retention.enabled", "false")
                .setting("sink.file.enabled", "false")
                .setting("asset.id", "gw-1")
                .setting("sink.kafka.bootstrap.servers", bootstrap)
                .setting("sink.kafka.topic", TOPIC)
                .setting("sink.kafka.spool.dir", spool.toString())
                .setting("sink.kafka.close.timeout", "2m")
                .build();
        GatewayLogger log = backend.logger(LogComponent.API, "bench");
        LogSink sink = backend.sinks().stream()
                .filter(k -> k.name().equals("kafka"))
                .findFirst()
                .orElseThrow();
        return new Shipper() {
            @Override
            public void log(String id) {
                log.info(
                        "Processing request",
                        Fields.of(
                                "customer_id",
                                "customer_123",
                                "request_id",
                                id,
                                "endpoint",
                                "/api/v1/messages",
                                "batch_size",
                                100));
            }

            @Override
            public void finish() throws InterruptedException {
                backend.flush(Duration.ofMinutes(2));
                // The gateway keeps running: wait (up to 2 minutes) for the spool to be acknowledged.
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (value(sink, "gateway.log.kafka.spool.records") > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                backend.shutdown(Duration.ofMinutes(2));
            }
        };
    }

    private static double value(LogSink sink, String name) {
        return sink.measurements().stream()
                .filter(m -> m.name().equals(name))
                .mapToDouble(Measurement::value)
                .sum();
    }

    private static Shipper log4j(String bootstrap, boolean sync) {
        System.setProperty("bench.bootstrap", bootstrap);
        System.setProperty("bench.topic", TOPIC);
        System.setProperty("bench.syncSend", String.valueOf(sync));
        System.setProperty("log4j2.configurationFile", "classpath:log4j2-kafka.xml");
        Logger logger = LogManager.getLogger("bench");
        return new Shipper() {
            @Override
            public void log(String id) {
                logger.info(new StringMapMessage(5)
                        .with("message", "Processing request")
                        .with("customer_id", "customer_123")
                        .with("request_id", id)
                        .with("endpoint", "/api/v1/messages")
                        .with("batch_size", 100));
            }

            @Override
            public void finish() throws InterruptedException {
                // Stopping the appender closes its producer (which sends what it holds and waits for the
                // acknowledgements) on a thread of its own, joined for at most timeoutMillis (30 s); wait
                // for that thread, so that what Log4j would still deliver counts for it.
                LogManager.shutdown();
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.getName().startsWith("KafkaManager-CloseThread")) {
                        t.join(Duration.ofMinutes(2).toMillis());
                    }
                }
            }
        };
    }
}
