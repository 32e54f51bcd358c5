package io.gatewaylog.benchmarks.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the {@code RESULT} lines of {@link KafkaShipping} runs into KAFKA-RESULTS.md: records per second
 * acknowledged (distinct records found in Kafka / time from the first call until the broker had them),
 * ratios against gateway-log, and records lost or duplicated across a broker restart.
 * Usage: {@code KafkaReport results.txt "load note"}
 */
public final class KafkaReport {
    private KafkaReport() {}

    record Run(
            String contender,
            int threads,
            int records,
            String mode,
            double seconds,
            int found,
            int distinct,
            int duplicates,
            double callSeconds) {
        double rate() {
            return distinct / seconds;
        }

        int lost() {
            return records - distinct;
        }
    }

    public static void main(String[] args) throws Exception {
        List<Run> runs = parse(Files.readAllLines(Path.of(args[0])));
        StringBuilder out = new StringBuilder();
        header(out, args.length > 1 ? args[1].trim() : null);
        table(out, runs);
        out.append(
                        "\n`log4j2` is the KafkaAppender with `syncSend=false` (send() on the caller's thread, no wait for the ")
                .append("acknowledgement); `log4j2-sync` is its default, `syncSend=true` (the caller waits for each ")
                .append(
                        "acknowledgement), run with fewer records. \"calls took\" is how long the logging threads were ")
                .append("busy: for Log4j that includes every wait for the producer (metadata, a full buffer, an ")
                .append("acknowledgement); gateway-log's callers only wait for its in-memory buffer.\n");
        System.out.print(out);
    }

    /** The runs of the {@code RESULT} lines; other lines are skipped. */
    private static List<Run> parse(List<String> lines) {
        List<Run> runs = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || !f[0].equals("RESULT")) {
                continue;
            }
            runs.add(new Run(
                    f[1],
                    Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]),
                    f[4],
                    Double.parseDouble(f[5]),
                    Integer.parseInt(f[6]),
                    Integer.parseInt(f[7]),
                    Integer.parseInt(f[8]),
                    Double.parseDouble(f[9])));
        }
        return runs;
    }

    /** The title and the set-up: machine, broker, settings, what the rate means; {@code load} may be null. */
    private static void header(StringBuilder out, String load) {
        out.append("# Kafka benchmark results\n\n");
        out.append("Machine: 2 cores, ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.version"))
                .append(", Linux; one run of `run-kafka-benchmark.sh`");
        if (load != null) {
            out.append(" (load at the end: `").append(load).append("`)");
        }
        out.append(".\nA fresh single-node KRaft broker (Kafka 4.4.0, `-Xmx256m`) on loopback per run; one topic of ")
                .append("one partition; the benchmarks' API record as a JSON line; both contenders on kafka-clients ")
                .append(
                        "4.4.0 with `acks=all`, idempotence, `linger.ms=5`, `batch.size=256KB`. Rate = distinct records ")
                .append("read back from the topic / time from the first logging call until the broker had them all ")
                .append("(the contender shut down - gateway-log once its spool was acknowledged, Log4j once its ")
                .append("producer closed - and the topic stopped growing). `restart`: the broker is killed (SIGKILL) ")
                .append("when half the records are logged and started again at once.\n\n");
    }

    /** One row per run, with its rate as a ratio of gateway-log's at the same threads and mode. */
    private static void table(StringBuilder out, List<Run> runs) {
        out.append("| contender | threads | mode | records | records/s acknowledged | vs gatewaylog | calls took (s) ")
                .append("| lost | duplicates |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Run> ours = new LinkedHashMap<>();
        for (Run r : runs) {
            if (r.contender().equals("gatewaylog")) {
                ours.put(r.threads() + r.mode(), r);
            }
        }
        for (Run r : runs) {
            Run base = ours.get(r.threads() + r.mode());
            double x = base == null ? 0 : r.rate() / base.rate();
            String ratio = base == null ? "" : String.format(Locale.ROOT, x < 0.1 ? "%.4fx" : "%.2fx", x);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %,d | %,.0f | %s | %.1f | %,d | %,d |%n",
                    r.contender(),
                    r.threads(),
                    r.mode(),
                    r.records(),
                    r.rate(),
                    ratio,
                    r.callSeconds(),
                    r.lost(),
                    r.duplicates()));
        }
    }
}
