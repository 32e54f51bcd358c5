package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.spi.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/** What the sink counts, published as {@code gateway.log.syslog.*} measurements. */
final class SyslogCounters {
    final LongAdder sent = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder truncated = new LongAdder();
    final LongAdder reconnects = new LongAdder();
    final LongAdder failovers = new LongAdder();
    final LongAdder failbacks = new LongAdder();
    final LongAdder stalls = new LongAdder();
    /** Per target, in the configured order: records handed to it. */
    final LongAdder[] sentTo;

    private final List<Target> targets;

    SyslogCounters(List<Target> targets) {
        this.targets = targets;
        this.sentTo = new LongAdder[targets.size()];
        for (int i = 0; i < sentTo.length; i++) {
            sentTo[i] = new LongAdder();
        }
    }

    void sent(int target, int records) {
        sent.add(records);
        sentTo[target].add(records);
    }

    List<Measurement> measurements(IntSupplier buffered) {
        Map<String, String> tags = Map.of("sink", "syslog");
        List<Measurement> all = new ArrayList<>(recordCounters(tags));
        all.addAll(connectionCounters(tags));
        all.add(Measurement.gauge(
                "gateway.log.syslog.buffered", tags, "records", "Records waiting to be sent", buffered::getAsInt));
        addPerTarget(all);
        return List.copyOf(all);
    }

    /** What became of the records: sent, dropped, truncated. */
    private List<Measurement> recordCounters(Map<String, String> tags) {
        return List.of(
                Measurement.counter(
                        "gateway.log.syslog.sent",
                        tags,
                        "records",
                        "Records delivered to a syslog transport",
                        sent::sum),
                Measurement.counter(
                        "gateway.log.syslog.dropped",
                        tags,
                        "records",
                        "Records lost: refused by a full buffer or unsent at shutdown",
                        dropped::sum),
                Measurement.counter(
                        "gateway.log.syslog.truncated",
                        tags,
                        "records",
                        "Records cut to the transport's message size limit",
                        truncated::sum));
    }

    /** What became of the connections: reconnects, failovers and failbacks between targets, stalls. */
    private List<Measurement> connectionCounters(Map<String, String> tags) {
        return List.of(
                Measurement.counter(
                        "gateway.log.syslog.reconnects",
                        tags,
                        null,
                        "Connections re-established to the same target after a loss",
                        reconnects::sum),
                Measurement.counter(
                        "gateway.log.syslog.failovers",
                        tags,
                        null,
                        "Switches to a less preferred target",
                        failovers::sum),
                Measurement.counter(
                        "gateway.log.syslog.failbacks",
                        tags,
                        null,
                        "Switches back to a more preferred target",
                        failbacks::sum),
                Measurement.counter(
                        "gateway.log.syslog.stalls",
                        tags,
                        null,
                        "Writes cut after making no progress for write.timeout (a collector that does not read)",
                        stalls::sum));
    }

    private void addPerTarget(List<Measurement> all) {
        for (int i = 0; i < targets.size(); i++) {
            LongAdder n = sentTo[i];
            all.add(Measurement.counter(
                    "gateway.log.syslog.target.sent",
                    Map.of("sink", "syslog", "target", targets.get(i).toString()),
                    "records",
                    "Records delivered to this target",
                    n::sum));
        }
    }
}
