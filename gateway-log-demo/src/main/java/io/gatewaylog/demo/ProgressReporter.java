package io.gatewaylog.demo;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ComponentStatistics;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Measurement;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The live progress line and the final summary table, read from the backend's statistics. */
final class ProgressReporter {
    private final LoggingStatistics stats;
    private final PrintStream out;
    private long lastAccepted;
    private long lastNanos = System.nanoTime();

    ProgressReporter(LoggingStatistics stats, PrintStream out) {
        this.stats = stats;
        this.out = out;
    }

    void line() {
        long accepted = 0;
        long buffered = 0;
        long dropped = 0;
        for (LogComponent c : LogComponent.values()) {
            ComponentStatistics s = stats.component(c);
            accepted += s.accepted();
            buffered += s.buffered();
            dropped += s.droppedTotal();
        }
        long now = System.nanoTime();
        double rate = (accepted - lastAccepted) * 1e9 / Math.max(1, now - lastNanos);
        lastAccepted = accepted;
        lastNanos = now;
        out.printf(
                Locale.ROOT,
                "records/s %,9.0f | total %,11d | buffered %,7d | dropped %,5d | bytes %,13.0f | rotations %,4.0f%n",
                rate,
                accepted,
                buffered,
                dropped,
                sum("gateway.log.file.bytes.written"),
                sum("gateway.log.file.rotations"));
    }

    private double sum(String name) {
        double total = 0;
        for (Measurement m : stats.measurements()) {
            if (m.name().equals(name)) {
                total += m.value();
            }
        }
        return total;
    }

    void summary(String root) {
        out.println();
        out.printf(
                Locale.ROOT,
                "%-10s %12s %12s %10s %12s  %s%n",
                "component",
                "accepted",
                "written",
                "dropped",
                "sink errors",
                "files");
        for (LogComponent c : LogComponent.values()) {
            ComponentStatistics s = stats.component(c);
            out.printf(
                    Locale.ROOT,
                    "%-10s %,12d %,12d %,10d %,12d  %s/%s/%n",
                    c.id(),
                    s.accepted(),
                    s.written(),
                    s.droppedTotal(),
                    s.sinkErrors(),
                    root,
                    c.id());
        }
        whereAuthWent(root);
    }

    /** Where the security events ended up: the auth files, and syslog if a collector took them. */
    private void whereAuthWent(String root) {
        ComponentStatistics auth = stats.component(LogComponent.AUTH);
        out.printf(
                Locale.ROOT,
                "%nauth events: %,d written to %s/auth/current.log, each flushed before its call returned%n",
                auth.written(),
                root);
        List<Measurement> targets = new ArrayList<>();
        for (Measurement m : stats.measurements()) {
            if (m.name().equals("gateway.log.syslog.target.sent")) {
                targets.add(m);
            }
        }
        if (targets.isEmpty()) {
            out.println("  syslog: not in use (sink.syslog.enabled=false, or the sink is not on the class path)");
            return;
        }
        double sent = 0;
        for (Measurement m : targets) {
            if (m.value() > 0) {
                out.printf(
                        Locale.ROOT,
                        "  syslog: %,.0f sent to %s%n",
                        m.value(),
                        m.tags().get("target"));
                sent += m.value();
            }
        }
        if (sent == 0) {
            out.printf(
                    Locale.ROOT,
                    "  syslog: none sent: no collector reachable at %s (set sink.syslog.targets to name one)%n",
                    String.join(
                            ", ",
                            targets.stream().map(m -> m.tags().get("target")).toList()));
        }
        double dropped = sum("gateway.log.syslog.dropped");
        if (dropped > 0) {
            out.printf(
                    Locale.ROOT,
                    "  syslog: %,.0f not sent (gateway.log.syslog.dropped); the files have them all%n",
                    dropped);
        }
    }
}
