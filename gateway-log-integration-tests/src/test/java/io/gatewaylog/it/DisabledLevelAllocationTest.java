package io.gatewaylog.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.core.GatewayLogBackend;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "A disabled level costs a comparison and allocates nothing": counted with the JVM's allocation counter. */
class DisabledLevelAllocationTest {

    @Test
    void disabledCallsAllocateNothing() {
        GatewayLogBackend backend = GatewayLogBackend.builder()
                .discoverSinks(false)
                .bindGlobalContext(false)
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("level", "ERROR")
                .build();
        try {
            GatewayLogger log = backend.logger(LogComponent.API, "a");
            Map<String, Object> fields = Map.of("k", "v");
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            for (int i = 0; i < 200_000; i++) {
                log.debug("m", fields);
                log.info("m");
                log.atDebug().field("k", "v").log("m");
            }
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100_000; i++) {
                log.debug("m", fields);
                log.info("m");
                log.atDebug().field("k", "v").log("m");
            }
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            // 300,000 calls: far less than one byte per call (the counter itself allocates a little).
            assertThat(allocated).isLessThan(16 * 1024);
        } finally {
            backend.shutdown(Duration.ofSeconds(5));
        }
    }
}
