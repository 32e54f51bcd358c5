package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.spi.Reporter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;

/**
 * The sender's one producer: made on first use and, if the client cannot start (bad settings found only
 * by the client, a missing class), tried again every {@link #CREATE_RETRY_NANOS} while records keep
 * being spooled. Used by the sender thread only.
 */
final class ProducerSupervisor {
    static final long CREATE_RETRY_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Makes the producer (a seam for tests). */
    interface ProducerFactory {
        Producer<byte[], byte[]> create(KafkaConfig config);
    }

    private final KafkaConfig config;
    private final ProducerFactory factory;
    private final Reporter reporter;
    private final EpisodeReporter clientFailure;
    private Producer<byte[], byte[]> producer;
    private long nextCreate;

    ProducerSupervisor(KafkaConfig config, ProducerFactory factory, Reporter reporter) {
        this.config = config;
        this.factory = factory == null ? c -> new KafkaProducer<>(c.producerProperties()) : factory;
        this.reporter = reporter;
        this.clientFailure = new EpisodeReporter(reporter);
    }

    boolean started() {
        return producer != null;
    }

    /** The producer, made now if need be; null while it cannot be made. */
    Producer<byte[], byte[]> get() {
        if (producer != null) {
            return producer;
        }
        long now = System.nanoTime();
        if (now - nextCreate < 0) {
            return null;
        }
        try {
            producer = factory.create(config);
            clientFailure.end(() -> "the Kafka producer started");
            return producer;
        } catch (KafkaException e) {
            nextCreate = now + CREATE_RETRY_NANOS;
            clientFailure.start(
                    "could not start the Kafka producer (" + e.getMessage()
                            + "); records are spooled and the producer is tried again every "
                            + TimeUnit.NANOSECONDS.toSeconds(CREATE_RETRY_NANOS) + " s",
                    e);
            return null;
        }
    }

    /** Closes the producer, waiting for its sends at most until {@code deadlineNanos}. */
    void close(long deadlineNanos) {
        Producer<byte[], byte[]> p = producer;
        producer = null;
        if (p == null) {
            return;
        }
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        try {
            p.close(Duration.ofNanos(left));
        } catch (KafkaException e) {
            reporter.error("kafka: closing the producer failed", e);
        }
    }
}
