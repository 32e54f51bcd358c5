package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.spi.Reporter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;

/**
 * The sink's one sender thread: reads each component's spool in order and hands the records to one
 * idempotent producer ({@code acks=all}), at most {@code maxInFlightBytes} per component unacknowledged.
 * Acknowledgements (on the producer's network thread) advance each component's acknowledged prefix;
 * this thread commits it and deletes spent segments. A failed send stops the component until all its
 * sends have come back, then rewinds to the first unacknowledged record and sends again from there after
 * {@link #RETRY_PAUSE_NANOS}: order is kept, and what was sent twice is counted ({@code resent}).
 *
 * <p>Only this thread calls {@code send()}, which may block up to {@code max.block.ms} while the
 * producer has no metadata (the broker is down); the components' writer threads never wait for it.
 *
 * <p>The parts: {@link SendState} (a component's in-flight records and acknowledged prefix),
 * {@link Acknowledgements} (what a completion means, on the network thread) and
 * {@link ProducerSupervisor} (making and closing the producer).
 */
final class KafkaSender implements Runnable {
    static final String THREAD_NAME = "gateway-log-kafka-sender";
    static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** The most records one component sends per round, so one busy component cannot starve the others. */
    private static final int MAX_PER_ROUND = 10_000;

    private final KafkaConfig config;
    private final KafkaCounters counters;
    private final Reporter reporter;
    private final Acknowledgements acks;
    private final ProducerSupervisor producers;
    private final List<SendState> states = new ArrayList<>();
    private volatile Thread thread;
    private volatile boolean stopping;
    private volatile boolean inSend;
    private volatile long drainDeadline;
    private final SpoolKeeper keeper;

    KafkaSender(
            KafkaConfig config,
            List<ComponentSpool> spools,
            KafkaCounters counters,
            Reporter reporter,
            ProducerSupervisor.ProducerFactory factory)
            throws IOException {
        this.config = config;
        this.counters = counters;
        this.reporter = reporter;
        this.acks = new Acknowledgements(counters, reporter, config.spoolDir);
        this.producers = new ProducerSupervisor(config, factory, reporter);
        for (ComponentSpool s : spools) {
            states.add(new SendState(s, config.topic(s.component)));
        }
        this.keeper = new SpoolKeeper(states, config.fsyncInterval);
    }

    void start() {
        Thread t = new Thread(this, THREAD_NAME);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Wakes the thread: records were spooled. */
    void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Stops: keeps sending until everything spooled is acknowledged or {@code timeout} has passed (not
     * at all while Kafka is unreachable), closes the producer and commits. Unsent records stay spooled.
     */
    void stop(Duration timeout) {
        // While Kafka is known to be down there is no point waiting: the records stay spooled for the next start.
        drainDeadline = System.nanoTime() + (acks.outage() ? 0 : timeout.toNanos());
        stopping = true;
        Thread t = thread;
        if (t == null) {
            return;
        }
        LockSupport.unpark(t);
        try {
            if (acks.outage()) {
                interruptSend(t);
            }
            t.join(timeout.toMillis() + 500);
            if (t.isAlive()) {
                interruptSend(t);
                t.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Blocked in send() waiting for metadata (at most max.block.ms): the producer answers an interrupt.
     * Only then: an interrupt during a file operation would close the spool's channels.
     */
    private void interruptSend(Thread t) {
        if (inSend) {
            t.interrupt();
        }
    }

    @Override
    public void run() {
        try {
            while (!stopping || (producers.started() && System.nanoTime() - drainDeadline < 0 && !allAcknowledged())) {
                try {
                    if (!pumpAll()) {
                        LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                    }
                    keeper.maintain(false);
                } catch (Throwable t) {
                    if (stopping && Thread.interrupted()) {
                        break;
                    }
                    reporter.error("kafka: the sender failed; it carries on in a second", t);
                    LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
                }
            }
        } finally {
            Thread.interrupted();
            producers.close(drainDeadline);
            try {
                keeper.maintain(true);
            } catch (IOException e) {
                reporter.error(
                        "kafka: could not commit the spool's position at shutdown; "
                                + "some records will be sent again",
                        e);
            }
        }
    }

    private boolean allAcknowledged() {
        for (SendState s : states) {
            if (s.acked != s.spool.end()) {
                return false;
            }
        }
        return true;
    }

    private boolean pumpAll() throws IOException {
        Producer<byte[], byte[]> producer = producers.get();
        if (producer == null) {
            return false;
        }
        boolean progress = false;
        for (SendState s : states) {
            progress |= pump(s, producer);
        }
        return progress;
    }

    /** Sends what is spooled and allowed in flight for one component; true if anything was sent. */
    private boolean pump(SendState s, Producer<byte[], byte[]> producer) throws IOException {
        if (s.failure != null) {
            rewindAfterFailure(s);
            return false;
        }
        if (System.nanoTime() - s.resumeAt < 0) {
            return false;
        }
        int n = 0;
        while (n < MAX_PER_ROUND && s.failure == null && s.inFlightBytes < config.maxInFlightBytes) {
            Frame f;
            try {
                f = s.reader.next();
            } catch (Frame.Corrupt e) {
                skipCorrupt(s, e);
                break;
            }
            if (f == null) {
                break;
            }
            n++;
            if (!send(s, f, producer)) {
                break;
            }
        }
        if (n > 0) {
            counters.sent.get(s.spool.component).add(n);
        }
        return n > 0;
    }

    /** Once every send of the failed component has come back: rewinds to the first unacknowledged record. */
    private void rewindAfterFailure(SendState s) throws IOException {
        int resent = s.rewindWhenSettled();
        if (resent < 0) {
            return;
        }
        counters.resent.add(resent);
        s.reader.seek(s.acked);
        s.resumeAt = System.nanoTime() + RETRY_PAUSE_NANOS;
    }

    /** Hands one frame to the producer; false if the send failed at once (the completion is counted). */
    private boolean send(SendState s, Frame f, Producer<byte[], byte[]> producer) {
        SendState.Entry entry = s.add(f.end, f.size);
        ProducerRecord<byte[], byte[]> record = s.record(f);
        inSend = true;
        try {
            producer.send(record, (metadata, error) -> acks.completed(s, entry, error));
            return true;
        } catch (KafkaException | IllegalStateException e) {
            if (e instanceof InterruptException) {
                // stop() gave up waiting; clear the flag so the last commit's file writes still work
                Thread.interrupted();
                drainDeadline = System.nanoTime();
            }
            acks.completed(s, entry, e);
            return false;
        } finally {
            inSend = false;
        }
    }

    private void skipCorrupt(SendState s, Frame.Corrupt e) throws IOException {
        // Only damage (a torn tail is cut at start-up) gets here; what follows in the segment is unreadable.
        long from = s.reader.position();
        boolean skipped = s.reader.skipSegment();
        reporter.error(
                "kafka: spool of " + s.spool.component.id() + " is damaged at position " + from + " (" + e.getMessage()
                        + "); " + (skipped ? "the rest of that segment is skipped" : "waiting for more data"),
                null);
        if (skipped) {
            counters.dropped.get(KafkaCounters.CORRUPT).increment();
            s.skipped();
        }
    }
}
