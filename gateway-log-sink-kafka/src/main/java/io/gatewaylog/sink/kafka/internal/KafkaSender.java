package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.Reporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

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
 */
final class KafkaSender implements Runnable {
    static final String THREAD_NAME = "gateway-log-kafka-sender";
    static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    static final long COMMIT_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    static final long CREATE_RETRY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final KafkaConfig config;
    private final KafkaCounters counters;
    private final Reporter reporter;
    private final EpisodeReporter outage;
    private final EpisodeReporter clientFailure;
    private final List<State> states = new ArrayList<>();
    private final ProducerFactory factory;
    private final AtomicInteger rejectedReports = new AtomicInteger();
    private volatile Thread thread;
    private volatile boolean stopping;
    private volatile boolean inSend;
    private volatile long drainDeadline;
    private Producer<byte[], byte[]> producer;
    private long nextCreate;
    private long lastCommit;
    private long lastForce = System.nanoTime();

    /** Makes the producer (a seam for tests). */
    interface ProducerFactory {
        Producer<byte[], byte[]> create(KafkaConfig config);
    }

    KafkaSender(KafkaConfig config, List<ComponentSpool> spools, KafkaCounters counters, Reporter reporter,
                ProducerFactory factory) throws IOException {
        this.config = config;
        this.counters = counters;
        this.reporter = reporter;
        this.outage = new EpisodeReporter(reporter);
        this.clientFailure = new EpisodeReporter(reporter);
        this.factory = factory == null ? c -> new KafkaProducer<>(c.producerProperties()) : factory;
        for (ComponentSpool s : spools) {
            states.add(new State(s, config.topic(s.component)));
        }
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
        drainDeadline = System.nanoTime() + (outage.active() ? 0 : timeout.toNanos());
        stopping = true;
        Thread t = thread;
        if (t == null) {
            return;
        }
        LockSupport.unpark(t);
        try {
            if (outage.active()) {
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
            while (!stopping || (producer != null && System.nanoTime() - drainDeadline < 0 && !allAcknowledged())) {
                try {
                    if (!pumpAll()) {
                        LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                    }
                    maintain(false);
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
            closeProducer();
            try {
                maintain(true);
            } catch (IOException e) {
                reporter.error("kafka: could not commit the spool's position at shutdown; some records will be sent again", e);
            }
        }
    }

    private boolean allAcknowledged() {
        for (State s : states) {
            if (s.acked != s.spool.end()) {
                return false;
            }
        }
        return true;
    }

    private boolean pumpAll() throws IOException {
        if (producer == null && !createProducer()) {
            return false;
        }
        boolean progress = false;
        for (State s : states) {
            progress |= pump(s);
        }
        return progress;
    }

    private boolean createProducer() {
        long now = System.nanoTime();
        if (now - nextCreate < 0) {
            return false;
        }
        try {
            producer = factory.create(config);
            clientFailure.end(() -> "the Kafka producer started");
            return true;
        } catch (KafkaException e) {
            nextCreate = now + CREATE_RETRY_NANOS;
            clientFailure.start("could not start the Kafka producer (" + e.getMessage() + "); records are spooled and the "
                    + "producer is tried again every " + TimeUnit.NANOSECONDS.toSeconds(CREATE_RETRY_NANOS) + " s", e);
            return false;
        }
    }

    private boolean pump(State s) throws IOException {
        if (s.failure != null) {
            synchronized (s) {
                if (s.pending > 0) {
                    return false;
                }
                counters.resent.add(s.inFlight.size());
                s.inFlight.clear();
                s.inFlightBytes = 0;
                s.failure = null;
            }
            s.reader.seek(s.acked);
            s.resumeAt = System.nanoTime() + RETRY_PAUSE_NANOS;
            return false;
        }
        if (System.nanoTime() - s.resumeAt < 0) {
            return false;
        }
        int n = 0;
        // inFlightBytes is written under the lock by both threads; a stale read only delays the check.
        while (n < 10_000 && s.failure == null && s.inFlightBytes < config.maxInFlightBytes) {
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
            InFlight entry = new InFlight(s, f.end, f.size);
            synchronized (s) {
                s.inFlight.addLast(entry);
                s.inFlightBytes += f.size;
                s.pending++;
            }
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(s.topic, null, f.epochMillis, f.key, f.value,
                    new RecordHeaders(new Header[] {s.componentHeader, LEVEL_HEADERS[f.level]}));
            n++;
            inSend = true;
            try {
                producer.send(record, entry);
            } catch (KafkaException | IllegalStateException e) {
                if (e instanceof org.apache.kafka.common.errors.InterruptException) {
                    // stop() gave up waiting; clear the flag so the last commit's file writes still work
                    Thread.interrupted();
                    drainDeadline = System.nanoTime();
                }
                completed(s, entry, e);
                break;
            } finally {
                inSend = false;
            }
        }
        if (n > 0) {
            counters.sent.get(s.spool.component).add(n);
        }
        return n > 0;
    }

    private void skipCorrupt(State s, Frame.Corrupt e) throws IOException {
        // Only damage (a torn tail is cut at start-up) gets here; what follows in the segment is unreadable.
        long from = s.reader.position();
        boolean skipped = s.reader.skipSegment();
        reporter.error("kafka: spool of " + s.spool.component.id() + " is damaged at position " + from + " ("
                + e.getMessage() + "); " + (skipped ? "the rest of that segment is skipped" : "waiting for more data"), null);
        if (skipped) {
            counters.dropped.get(KafkaCounters.CORRUPT).increment();
            synchronized (s) {
                if (s.pending == 0 && s.inFlight.isEmpty()) {
                    s.acked = s.reader.position();
                }
            }
        }
    }

    /** On the producer's network thread: must be quick and must not log. */
    private void completed(State s, InFlight entry, Exception error) {
        boolean ok = error == null;
        if (!ok && isRecordFatal(error)) {
            counters.dropped.get(KafkaCounters.REJECTED).increment();
            if (rejectedReports.incrementAndGet() <= 10) {
                reporter.error("kafka: Kafka refused a record of " + s.spool.component.id() + " for good; it is dropped", error);
            }
            ok = true;
        }
        synchronized (s) {
            s.pending--;
            entry.status = ok ? InFlight.OK : InFlight.FAILED;
            if (!ok && s.failure == null) {
                s.failure = error;
            }
            while (!s.inFlight.isEmpty() && s.inFlight.peekFirst().status == InFlight.OK) {
                InFlight head = s.inFlight.pollFirst();
                s.inFlightBytes -= head.size;
                s.acked = head.end;
                s.spool.pendingRecords.decrementAndGet();
            }
        }
        if (error == null) {
            counters.acknowledged.get(s.spool.component).increment();
            if (!counters.reachable) {
                counters.reachable = true;
                outage.end(() -> "Kafka acknowledges records again; the spool is being sent in order");
            }
        } else if (!ok) {
            counters.sendErrors.increment();
            counters.reachable = false;
            outage.start("sending to Kafka failed (" + error + "); records wait in the spool (" + config.spoolDir
                    + ") and are sent in order once Kafka acknowledges again", null);
        }
    }

    private static boolean isRecordFatal(Exception e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException || e instanceof SerializationException;
    }

    private void maintain(boolean now) throws IOException {
        long t = System.nanoTime();
        if (now || t - lastCommit >= COMMIT_EVERY_NANOS) {
            lastCommit = t;
            for (State s : states) {
                long a = s.acked;
                if (a != s.committed) {
                    s.spool.commit(a);
                    s.committed = a;
                }
            }
        }
        long interval = config.fsyncInterval.toNanos();
        if (interval > 0 && (now || t - lastForce >= interval)) {
            lastForce = t;
            for (State s : states) {
                s.spool.force();
            }
        }
    }

    private void closeProducer() {
        Producer<byte[], byte[]> p = producer;
        producer = null;
        if (p == null) {
            return;
        }
        long left = Math.max(0, drainDeadline - System.nanoTime());
        try {
            p.close(Duration.ofNanos(left));
        } catch (KafkaException e) {
            reporter.error("kafka: closing the producer failed", e);
        }
    }

    private static final Header[] LEVEL_HEADERS = new Header[Level.values().length];

    static {
        for (Level l : Level.values()) {
            LEVEL_HEADERS[l.ordinal()] = new RecordHeader("level", l.name().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One component's sending state. */
    private static final class State {
        final ComponentSpool spool;
        final ComponentSpool.Reader reader;
        final String topic;
        final Header componentHeader;
        final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        volatile long inFlightBytes;
        int pending;
        volatile Exception failure;
        volatile long acked;
        long committed;
        long resumeAt;

        State(ComponentSpool spool, String topic) throws IOException {
            this.spool = spool;
            this.topic = topic;
            this.acked = spool.committed();
            this.committed = acked;
            this.reader = spool.reader(acked);
            this.componentHeader = new RecordHeader("component", spool.component.id().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A record handed to the producer and not yet known to be acknowledged; its own callback. */
    private final class InFlight implements Callback {
        static final int PENDING = 0;
        static final int OK = 1;
        static final int FAILED = 2;
        final State state;
        final long end;
        final int size;
        int status;

        InFlight(State state, long end, int size) {
            this.state = state;
            this.end = end;
            this.size = size;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            completed(state, this, error);
        }
    }

    /** The components this sender serves (for diagnostics). */
    List<LogComponent> components() {
        return states.stream().map(s -> s.spool.component).toList();
    }
}
