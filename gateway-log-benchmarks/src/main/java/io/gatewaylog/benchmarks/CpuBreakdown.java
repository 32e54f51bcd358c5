package io.gatewaylog.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the CPU goes, per record and per kind of thread: N records logged by T threads as in {@link EndToEnd},
 * then each thread's CPU time (the JVM's per-thread counters, user + system) divided by N. The logging threads
 * count together; every other thread that used more than 1 ns a record is listed by name. A count of work, so it
 * holds on a noisy machine where times do not: it says what end-to-end rates are made of.
 *
 * <p>Prints {@code CPU contender threads thread-kind ns-per-record} lines: {@code callers} for the logging threads,
 * {@code process} for the whole JVM over the same span (what ended meanwhile, the JIT and the GC included).
 * Usage: {@code CpuBreakdown CONTENDER THREADS RECORDS}.
 */
public final class CpuBreakdown {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuBreakdown() {}

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int threads = Integer.parseInt(args[1]);
        int records = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("cpu-" + name);
        Contender c = Contender.start(name, dir, "100MB");
        Map<String, Long> before = cpuByName();
        long processBefore = processCpu();
        AtomicLong callers = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread w = new Thread(
                    () -> {
                        long start = THREADS.getCurrentThreadCpuTime();
                        for (int i = first; i < records; i += threads) {
                            c.log(Integer.toString(i));
                        }
                        callers.addAndGet(THREADS.getCurrentThreadCpuTime() - start);
                    },
                    "logger-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        // the framework's own threads are read before shutdown stops them: a second first for what is queued
        Thread.sleep(1_000);
        Map<String, Long> after = cpuByName();
        print(name, threads, "callers", callers.get(), records);
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (used > records
                    && !e.getKey().startsWith("logger-")
                    && !e.getKey().equals("main")) {
                print(name, threads, e.getKey().replace(' ', '_'), used, records);
            }
        }
        c.shutdown();
        // the whole process up to the end of shutdown: the rest of the writing, threads that ended meanwhile (a
        // framework's compression task), the JIT and the GC
        print(name, threads, "process", processCpu() - processBefore, records);
        ReadBack.deleteRecursively(dir);
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void print(String name, int threads, String kind, long nanos, int records) {
        System.out.printf(Locale.ROOT, "CPU %s %d %s %.1f%n", name, threads, kind, nanos / (double) records);
    }

    /** CPU time of every live thread, summed by name without a pool's number or an instance's hash. */
    private static Map<String, Long> cpuByName() {
        Map<String, Long> m = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long nanos = THREADS.getThreadCpuTime(t.getId());
            if (nanos > 0) {
                m.merge(t.getName().replaceAll("@[0-9a-f]+", "").replaceAll("-\\d+$", ""), nanos, Long::sum);
            }
        }
        return m;
    }
}
