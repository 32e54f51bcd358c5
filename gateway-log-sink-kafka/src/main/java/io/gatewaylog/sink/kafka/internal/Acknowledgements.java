package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.spi.Reporter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * What a send's completion means, on the producer's network thread: a record Kafka refuses for good
 * (too large, invalid) is dropped and counted, so it cannot stop its component forever; any other
 * failure stops the component until the sender rewinds it, and starts an outage episode (one stderr
 * line), which the next acknowledgement ends. Must be quick and must not log through gateway-log.
 */
final class Acknowledgements {
    /** Refusals reported to stderr at most; all are counted. */
    private static final int MAX_REJECTED_REPORTS = 10;

    private final KafkaCounters counters;
    private final Reporter reporter;
    private final EpisodeReporter outage;
    private final Path spoolDir;
    private final AtomicInteger rejectedReports = new AtomicInteger();

    Acknowledgements(KafkaCounters counters, Reporter reporter, Path spoolDir) {
        this.counters = counters;
        this.reporter = reporter;
        this.outage = new EpisodeReporter(reporter);
        this.spoolDir = spoolDir;
    }

    /** Whether Kafka is known to be unreachable (an outage episode is open). */
    boolean outage() {
        return outage.active();
    }

    /** The send of {@code entry} came back, acknowledged ({@code error} null) or not. */
    void completed(SendState s, SendState.Entry entry, Exception error) {
        boolean ok = error == null;
        if (!ok && isRecordFatal(error)) {
            counters.dropped.get(KafkaCounters.REJECTED).increment();
            if (rejectedReports.incrementAndGet() <= MAX_REJECTED_REPORTS) {
                reporter.error(
                        "kafka: Kafka refused a record of " + s.spool.component.id() + " for good; it is dropped",
                        error);
            }
            ok = true;
        }
        s.complete(entry, ok, error);
        if (error == null) {
            counters.acknowledged.get(s.spool.component).increment();
            if (!counters.reachable) {
                counters.reachable = true;
                outage.end(() -> "Kafka acknowledges records again; the spool is being sent in order");
            }
        } else if (!ok) {
            counters.sendErrors.increment();
            counters.reachable = false;
            outage.start(
                    "sending to Kafka failed (" + error + "); records wait in the spool (" + spoolDir
                            + ") and are sent in order once Kafka acknowledges again",
                    null);
        }
    }

    private static boolean isRecordFatal(Exception e) {
        return e instanceof RecordTooLargeException
                || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException
                || e instanceof SerializationException;
    }
}
