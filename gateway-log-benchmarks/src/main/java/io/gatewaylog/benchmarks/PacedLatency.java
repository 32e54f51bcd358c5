package io.gatewaylog.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The caller's latency at a fixed offered load, in a JVM of its own: T threads each log at R/T records
 * per second on a fixed schedule (call i of thread t is due at {@code start + (i + t/T) * interval}),
 * for a warm-up that is discarded and then a measured window. A thread waits for each call's due time
 * and then logs; a call that comes due while the previous one is still running starts late, and that
 * wait counts. Two histograms per thread, merged at the end:
 *
 * <ul>
 *   <li>response time: end of the call minus its due time (what a request on that schedule waits, so
 *       a stall is charged to every call it delays: coordinated omission corrected);
 *   <li>service time: end of the call minus its actual start (the call alone).
 * </ul>
 *
 * <p>Then the contender is shut down and every line read back. Prints one line: {@code RESULT contender
 * threads load targetRate achievedRate logged found lost}, then p50 p90 p99 p99.9 p99.99 max of the
 * response time and the same of the service time, in nanoseconds.
 *
 * <p>Usage: {@code PacedLatency CONTENDER THREADS RATE LOAD [WARMUP_SECONDS [MEASURED_SECONDS]]}; LOAD is
 * a label for the report (the percentage of the capacity that RATE stands for).
 */
public final class PacedLatency {
    static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99, 100};
    /** Longer waits park; shorter ones yield, so that on 2 cores the framework's own thread still runs. */
    private static final long PARK_ABOVE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private static final long HIGHEST = TimeUnit.SECONDS.toNanos(60);

    private PacedLatency() {}

    /** One producer's schedule and what it measured. */
    private static final class Producer implements Runnable {
        final Histogram response = new Histogram(HIGHEST, 3);
        final Histogram service = new Histogram(HIGHEST, 3);
        private final Contender target;
        private final int index;
        private final int threads;
        private final long calls;
        private final double intervalNanos;
        private final long start;
        private final long measureFrom;
        long measured;
        long lastEnd;

        Producer(Contender target, int index, int threads, long calls, double intervalNanos, long start, long from) {
            this.target = target;
            this.index = index;
            this.threads = threads;
            this.calls = calls;
            this.intervalNanos = intervalNanos;
            this.start = start;
            this.measureFrom = from;
        }

        @Override
        public void run() {
            // the threads' schedules interleave evenly instead of all calling at the same instant
            double offset = intervalNanos * index / threads;
            for (long i = 0; i < calls; i++) {
                String requestId = Long.toString(i * threads + index);
                long due = start + (long) (offset + i * intervalNanos);
                waitUntil(due);
                long begin = System.nanoTime();
                target.log(requestId);
                long end = System.nanoTime();
                if (due >= measureFrom) {
                    response.recordValue(Math.min(end - due, HIGHEST));
                    service.recordValue(Math.min(end - begin, HIGHEST));
                    measured++;
                    lastEnd = end;
                }
            }
        }
    }

    static void waitUntil(long due) {
        long left;
        while ((left = due - System.nanoTime()) > 0) {
            if (left > PARK_ABOVE_NANOS) {
                LockSupport.parkNanos(left - PARK_ABOVE_NANOS);
            } else {
                Thread.yield();
            }
        }
    }

    /** What the producers measured: the merged histograms, the calls in the window and their rate. */
    record Run(Histogram response, Histogram service, long measured, long logged, double achievedRate) {}

    /** Runs the schedule against {@code c} (which stays started) and merges what the producers measured. */
    static Run run(Contender c, int threads, double rate, double warmupSeconds, double windowSeconds)
            throws InterruptedException {
        double interval = 1e9 * threads / rate;
        long calls = (long) Math.ceil((warmupSeconds + windowSeconds) * rate / threads);
        // the first call a little ahead, so that every producer has started before its first due time
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        List<Producer> producers = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Producer p = new Producer(c, t, threads, calls, interval, start, measureFrom);
            producers.add(p);
            Thread w = new Thread(p, "logger-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        Histogram response = new Histogram(HIGHEST, 3);
        Histogram service = new Histogram(HIGHEST, 3);
        long measured = 0;
        long lastEnd = measureFrom;
        for (Producer p : producers) {
            response.add(p.response);
            service.add(p.service);
            measured += p.measured;
            lastEnd = Math.max(lastEnd, p.lastEnd);
        }
        return new Run(response, service, measured, calls * threads, measured / ((lastEnd - measureFrom) / 1e9));
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int threads = Integer.parseInt(args[1]);
        double rate = Double.parseDouble(args[2]);
        String load = args[3];
        double warmup = args.length > 4 ? Double.parseDouble(args[4]) : 5;
        double window = args.length > 5 ? Double.parseDouble(args[5]) : 10;
        Path dir = Files.createTempDirectory("paced-" + name);
        Contender c = Contender.start(name, dir, "100MB");
        Run run = run(c, threads, rate, warmup, window);
        c.shutdown();
        Histogram response = run.response();
        Histogram service = run.service();
        long logged = run.logged();
        double achieved = run.achievedRate();
        ReadBack.Count count = ReadBack.count(dir, (int) logged);
        StringBuilder line = new StringBuilder();
        line.append(String.format(
                Locale.ROOT,
                "RESULT %s %d %s %.0f %.0f %d %d %d",
                name,
                threads,
                load,
                rate,
                achieved,
                logged,
                count.distinct(),
                logged - count.distinct()));
        for (Histogram h : List.of(response, service)) {
            for (double p : PERCENTILES) {
                line.append(' ').append(p == 100 ? h.getMaxValue() : h.getValueAtPercentile(p));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%s, %d threads, %.0f/s offered, %.0f/s achieved: response p99.99 %.1f us, service p99.99 %.1f us%n",
                name,
                threads,
                rate,
                achieved,
                response.getValueAtPercentile(99.99) / 1e3,
                service.getValueAtPercentile(99.99) / 1e3);
        System.out.println(line);
        ReadBack.deleteRecursively(dir);
    }
}
