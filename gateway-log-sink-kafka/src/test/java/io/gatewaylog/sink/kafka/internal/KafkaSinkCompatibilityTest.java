package io.gatewaylog.sink.kafka.internal;

import static org.awaitility.Awaitility.await;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.testkit.SinkCompatibilityKit;
import io.gatewaylog.testkit.internal.BrokerSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The shared sink kit, run through the real backend (ServiceLoader discovery) against a real broker. */
@BrokerSuite
class KafkaSinkCompatibilityTest extends SinkCompatibilityKit {
    private static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    static Path root;

    @RegisterExtension
    static final KafkaBroker broker = KafkaBroker.perClass();

    private final String prefix = "kit" + RUNS.incrementAndGet();

    @Override
    protected Map<String, String> settings() {
        return TestBackends.kafka(broker.bootstrap(), prefix, root.resolve(prefix));
    }

    @Override
    protected String sinkName() {
        return "kafka";
    }

    @Override
    protected List<String> deliveredMessages(LogComponent component) {
        LogSink sink = TestBackends.sink(backend());
        // Written means spooled; Kafka has it once the spool holds nothing unacknowledged.
        await().atMost(Duration.ofSeconds(60)).until(() -> TestBackends.value(sink, "spool.records") == 0);
        return TopicReader.messages(TopicReader.readAll(broker.bootstrap(), prefix + "." + component.id()));
    }
}
