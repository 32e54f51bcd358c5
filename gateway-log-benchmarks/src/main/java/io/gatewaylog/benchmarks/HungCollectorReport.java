package io.gatewaylog.benchmarks;

import io.gatewaylog.api.spi.Measurement;
import io.gatewaylog.core.GatewayLogBackend;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of {@link HungCollectorBenchmark}: the {@code RESULT} line a run prints, and the table
 * that sums the rounds up (medians of the rates and percentiles, the worst call of all, totals).
 */
final class HungCollectorReport {
    private HungCollectorReport() {}

    /** Prints the table: one row per scenario, from the {@code RESULT} lines of its rounds. */
    static void table(Map<String, List<String[]>> results, int rounds, int seconds) {
        System.out.printf(
                Locale.ROOT,
                "%n%d rounds of %d s per scenario; calls/s and p99.9: median of the rounds; "
                        + "max: the worst call of all rounds%n",
                rounds,
                seconds);
        System.out.printf(
                Locale.ROOT,
                "%-12s %9s %8s %9s %9s %8s %7s %9s %9s %13s %14s%n",
                "scenario",
                "calls/s",
                "p50 ms",
                "p99.9 ms",
                "max ms",
                ">100ms",
                "stalls",
                "sent",
                "not sent",
                "syslog max us",
                "syslog mean us");
        for (Map.Entry<String, List<String[]>> e : results.entrySet()) {
            List<String[]> r = e.getValue();
            System.out.printf(
                    Locale.ROOT,
                    "%-12s %9.0f %8.3f %9.3f %9.3f %8.0f %7.0f %9.0f %9.0f %13.1f %14.2f%n",
                    e.getKey(),
                    median(r, 2),
                    median(r, 3),
                    median(r, 5),
                    max(r, 6),
                    total(r, 7),
                    total(r, 8),
                    total(r, 9),
                    total(r, 10),
                    max(r, 11),
                    median(r, 12));
        }
    }

    private static double median(List<String[]> rows, int column) {
        double[] v = rows.stream()
                .mapToDouble(f -> Double.parseDouble(f[column]))
                .sorted()
                .toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double max(List<String[]> rows, int column) {
        return rows.stream()
                .mapToDouble(f -> Double.parseDouble(f[column]))
                .max()
                .orElse(0);
    }

    private static double total(List<String[]> rows, int column) {
        return rows.stream().mapToDouble(f -> Double.parseDouble(f[column])).sum();
    }

    /** Prints one run's {@code RESULT} line; {@code backend} and {@code syslog} are null for {@code fsync}. */
    static void result(String scenario, long[] measured, GatewayLogBackend backend, TimedSink syslog) {
        int n = measured.length - 1;
        double elapsed = measured[n] / 1e9;
        long[] lat = Arrays.copyOf(measured, n);
        long over100 = Arrays.stream(lat).filter(l -> l > 100_000_000L).count();
        Arrays.sort(lat);
        double stalls = backend == null ? 0 : sum(backend, "gateway.log.syslog.stalls");
        double sent = backend == null ? 0 : sum(backend, "gateway.log.syslog.sent");
        double waiting = backend == null
                ? 0
                : sum(backend, "gateway.log.syslog.buffered") + sum(backend, "gateway.log.syslog.dropped");
        double share = syslog == null ? 0 : syslog.maxNanos / 1e3;
        double mean = syslog == null || syslog.calls == 0 ? 0 : syslog.totalNanos / 1e3 / syslog.calls;
        System.out.printf(
                Locale.ROOT,
                "RESULT %s %.0f %.3f %.3f %.3f %.3f %d %.0f %.0f %.0f %.1f %.2f%n",
                scenario,
                n / elapsed,
                pct(lat, 0.50),
                pct(lat, 0.99),
                pct(lat, 0.999),
                lat[n - 1] / 1e6,
                over100,
                stalls,
                sent,
                waiting,
                share,
                mean);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static double sum(GatewayLogBackend backend, String name) {
        double total = 0;
        for (Measurement m : backend.statistics().measurements()) {
            if (m.name().equals(name)) {
                total += m.value();
            }
        }
        return total;
    }
}
