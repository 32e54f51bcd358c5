package io.gatewaylog.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end sustained throughput of one contender, in a JVM of its own: N records logged by T threads
 * as fast as possible, the framework shut down (everything it accepted written), then every line read
 * back, archives included. Records that never reached the disk count against the contender: the rate
 * is the records found on disk divided by the time from the first call to the end of the shutdown.
 * Prints one line: {@code RESULT contender threads records seconds found distinct duplicates}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.gatewaylog.benchmarks.EndToEnd CONTENDER THREADS RECORDS}
 */
public final class EndToEnd {
    private EndToEnd() {}

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int threads = Integer.parseInt(args[1]);
        int records = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("e2e-" + name);
        Contender c = Contender.start(name, dir, "100MB");
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread w = new Thread(
                    () -> {
                        for (int i = first; i < records; i += threads) {
                            c.log(Integer.toString(i));
                        }
                    },
                    "logger-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        long logged = System.nanoTime();
        c.shutdown();
        long end = System.nanoTime();
        ReadBack.Count count = ReadBack.count(dir, records);
        double seconds = (end - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "RESULT %s %d %d %.3f %d %d %d %.3f%n",
                name,
                threads,
                records,
                seconds,
                count.lines(),
                count.distinct(),
                count.duplicates(),
                (logged - start) / 1e9);
        ReadBack.deleteRecursively(dir);
    }
}
