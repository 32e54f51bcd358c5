package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Measurement;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.Reporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ships records to Kafka through a disk spool. {@link #write} encodes the batch and appends it to the
 * component's spool (one write to the operating system, no network): when it returns, the records
 * survive a crash of the process, and the core may count them as written. The sender thread
 * ({@link KafkaSender}) sends them from there. A writer thread therefore waits at most for one file
 * append, whatever Kafka does; auth's callers, which write on their own thread, likewise.
 *
 * <p>Records that do not fit under {@code sink.kafka.spool.max.bytes} are dropped, counted
 * ({@code gateway.log.kafka.dropped{reason=spool_full}}) and reported once per episode. The Kafka
 * client's own log records, when a bridge brings them back into gateway-log from the sink's threads,
 * are not shipped ({@code skipped}): sending them would log more, without end.
 */
public final class KafkaSink implements LogSink {
    private static final String KAFKA_LOGGERS = "org.apache.kafka";

    private final KafkaConfig config;
    private final RecordEncoder encoder;
    private final KafkaCounters counters = new KafkaCounters();
    private final SpoolBudget budget;
    private final Map<LogComponent, ComponentSpool> spools = new EnumMap<>(LogComponent.class);
    private final Map<LogComponent, FrameEncoder> buffers = new EnumMap<>(LogComponent.class);
    private final EpisodeReporter overflow;
    private final AtomicLong droppedInEpisode = new AtomicLong();
    private final KafkaSender sender;
    private final String networkThreadPrefix;
    private final SpoolLock lock;
    private volatile boolean closed;

    /** Opens (and recovers) the spool and starts the sender. */
    public KafkaSink(KafkaConfig config, RecordEncoder encoder, Reporter reporter) {
        this(config, encoder, reporter, null);
    }

    KafkaSink(
            KafkaConfig config, RecordEncoder encoder, Reporter reporter, ProducerSupervisor.ProducerFactory factory) {
        this.config = config;
        this.encoder = encoder;
        this.budget = new SpoolBudget(config.spoolMaxBytes);
        this.overflow = new EpisodeReporter(reporter);
        this.networkThreadPrefix = "kafka-producer-network-thread | " + config.clientId;
        try {
            Files.createDirectories(config.spoolDir);
            lock = SpoolLock.acquire(config.spoolDir);
            List<ComponentSpool> list = new ArrayList<>();
            for (LogComponent c : LogComponent.values()) {
                if (config.accepts(c)) {
                    ComponentSpool s =
                            ComponentSpool.open(c, config.spoolDir.resolve(c.id()), budget, config.segmentBytes);
                    spools.put(c, s);
                    buffers.put(c, new FrameEncoder(encoder, budget, config.fallbackKey));
                    list.add(s);
                }
            }
            long waiting = list.stream().mapToLong(s -> s.pendingRecords.get()).sum();
            if (waiting > 0) {
                reporter.warn("kafka: " + waiting + " records left in the spool by a previous run are sent first ("
                        + config.spoolDir + ")");
            }
            sender = new KafkaSender(config, list, counters, reporter, factory);
        } catch (IOException e) {
            throw new UncheckedIOException("kafka: cannot open the spool " + config.spoolDir, e);
        }
        sender.start();
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public boolean accepts(LogComponent component) {
        return config.accepts(component);
    }

    @Override
    public int write(List<LogRecord> batch) throws IOException {
        if (closed) {
            counters.dropped.get(KafkaCounters.CLOSED).add(batch.size());
            return batch.size();
        }
        // A batch holds one component's records (the SPI's contract); runs of another are handled alike.
        int from = 0;
        while (from < batch.size()) {
            LogComponent component = batch.get(from).component();
            int to = from + 1;
            while (to < batch.size() && batch.get(to).component() == component) {
                to++;
            }
            FrameEncoder e = buffers.get(component);
            if (e != null) {
                synchronized (e) {
                    spool(component, e, batch.subList(from, to));
                }
            }
            from = to;
        }
        return batch.size();
    }

    private void spool(LogComponent component, FrameEncoder e, List<LogRecord> records) throws IOException {
        e.frames.clear();
        int taken = 0;
        int refused = 0;
        // Once the spool is full it refuses everything until a tenth of it is free again, so what it
        // holds is an unbroken prefix of the stream (a small record never slips in after a large one was
        // refused), and an episode is one gap, not many.
        boolean refusing = overflow.active() && budget.used() > budget.max() - budget.max() / 10;
        for (LogRecord r : records) {
            if (isOwnClientLog(r)) {
                counters.skipped.increment();
            } else if (!refusing && e.add(r)) {
                taken++;
            } else {
                refusing = true;
                refused++;
            }
        }
        if (taken > 0) {
            appendFrames(component, e, taken);
        }
        if (refused > 0) {
            counters.dropped.get(KafkaCounters.SPOOL_FULL).add(refused);
            droppedInEpisode.addAndGet(refused);
            overflow.start(
                    "the spool is full (" + budget.used() + " of " + config.spoolMaxBytes
                            + " bytes, sink.kafka.spool.max.bytes) while Kafka is slow or unreachable: new records are dropped "
                            + "and counted (gateway.log.kafka.dropped{reason=spool_full})",
                    null);
        } else if (taken > 0 && overflow.active()) {
            overflow.end(() -> "the spool takes records again; " + droppedInEpisode.getAndSet(0)
                    + " records were dropped while it was full");
        }
    }

    private void appendFrames(LogComponent component, FrameEncoder e, int records) throws IOException {
        ByteBuffer frames = e.frames.flip();
        int bytes = frames.remaining();
        try {
            spools.get(component).append(frames, records);
        } catch (IOException ex) {
            budget.release(bytes);
            throw ex;
        }
        if (config.fsyncInterval.isZero()) {
            spools.get(component).force();
        }
        counters.spooled.get(component).add(records);
        sender.wake();
    }

    /**
     * The Kafka client's own records, logged on the sink's threads (the sender, which builds and closes the
     * producer and calls send, and the producer's network thread) and brought back by a logging bridge.
     */
    private boolean isOwnClientLog(LogRecord r) {
        if (!r.logger().startsWith(KAFKA_LOGGERS)) {
            return false;
        }
        String t = r.threadName();
        return t.equals(KafkaSender.THREAD_NAME) || t.startsWith(networkThreadPrefix);
    }

    @Override
    public void flush() {
        // Nothing to push: write() already gave the records to the operating system, and the sender sends
        // them as they come. Waiting here for Kafka would make auth's callers wait on the network.
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        sender.stop(config.closeTimeout);
        IOException first = null;
        for (ComponentSpool s : spools.values()) {
            try {
                s.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        try {
            lock.close();
        } catch (IOException e) {
            first = first == null ? e : first;
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public List<Measurement> measurements() {
        return counters.measurements(
                budget::used,
                () -> {
                    long n = 0;
                    for (ComponentSpool s : spools.values()) {
                        n += s.pendingRecords.get();
                    }
                    return n;
                },
                config.spoolMaxBytes);
    }
}
