package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LoggingStatistics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A gateway in a child JVM, through the global {@link GatewayLoggers} (so gateway-log-slf4j, on the test
 * class path, routes the Kafka client's own logs into it). Modes:
 * {@code spool} logs {@code count} records and prints {@code flushed N} as it goes, then waits to be killed;
 * {@code drain} logs ten more, waits until Kafka acknowledged the whole spool, prints {@code drained};
 * {@code feedback} logs {@code count} system records at DEBUG level, waits for them, prints what the sink skipped.
 */
public final class GatewayApp {
    private GatewayApp() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int count = Integer.parseInt(args[4]);
        Map<String, String> s = new HashMap<>(TestBackends.kafka(args[1], args[3], java.nio.file.Path.of(args[2])));
        s.put("sink.kafka.client.max.block.ms", "500");
        s.put("console.enabled", "false");
        s.put("retention.enabled", "false");
        if (mode.equals("feedback")) {
            s.put("level", "DEBUG");
        }
        GatewayLoggers.configure(s);
        switch (mode) {
            case "spool" -> {
                GatewayLogger log = GatewayLoggers.api("app");
                for (int i = 0; i < count; i++) {
                    log.info("rec-" + i);
                    if ((i + 1) % 100 == 0) {
                        GatewayLoggers.flush(Duration.ofSeconds(10));
                        System.out.println("flushed " + (i + 1));
                        System.out.flush();
                    }
                }
                Thread.sleep(Long.MAX_VALUE);
            }
            case "drain" -> {
                GatewayLogger log = GatewayLoggers.api("app");
                for (int i = 0; i < count; i++) {
                    log.info("after-" + i);
                }
                GatewayLoggers.flush(Duration.ofSeconds(10));
                awaitDrained();
                System.out.println("drained");
            }
            case "feedback" -> {
                GatewayLogger log = GatewayLoggers.system("app");
                for (int i = 0; i < count; i++) {
                    log.info("fb-" + i);
                    if (i % 10 == 0) {
                        Thread.sleep(2);
                    }
                }
                GatewayLoggers.flush(Duration.ofSeconds(10));
                awaitDrained();
                // Give the client's logs of those sends time to come back, as a loop would.
                Thread.sleep(500);
                GatewayLoggers.flush(Duration.ofSeconds(10));
                awaitDrained();
                LoggingStatistics st = GatewayLoggers.statistics();
                System.out.println("skipped " + (long) TestBackends.value(st, "skipped"));
                System.out.println(
                        "accepted " + st.component(LogComponent.SYSTEM).accepted());
            }
            default -> throw new IllegalArgumentException(mode);
        }
        System.out.flush();
        GatewayLoggers.shutdown(Duration.ofSeconds(10));
    }

    private static void awaitDrained() throws InterruptedException {
        LoggingStatistics st = GatewayLoggers.statistics();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (TestBackends.value(st, "spool.records") > 0 || TestBackends.value(st, "acknowledged") == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the spool did not drain: " + st.measurements());
            }
            Thread.sleep(20);
        }
    }
}
