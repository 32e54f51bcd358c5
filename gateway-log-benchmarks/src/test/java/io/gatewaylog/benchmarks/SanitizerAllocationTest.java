package io.gatewaylog.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.core.internal.sanitize.Sanitizer;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The clean path allocates nothing: measured with the JVM's per-thread allocation counter (bytes, not
 * time, so the test is not flaky on a busy machine). It lives beside the benchmarks because it measures
 * the same inputs ({@link SanitizerBenchSamples}), which stay out of the published core jar.
 */
class SanitizerAllocationTest {

    @Test
    void cleanTextAndRecordsAllocateNothing() throws ReflectiveOperationException {
        // through reflection: com.sun.management may be absent (another JVM), which only skips the test
        Object threads;
        Method allocatedBytes;
        try {
            threads = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean")
                    .invoke(null);
            Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
            assumeTrue(type.isInstance(threads)
                    && (Boolean)
                            type.getMethod("isThreadAllocatedMemorySupported").invoke(threads));
            type.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(threads, true);
            allocatedBytes = type.getMethod("getThreadAllocatedBytes", long.class);
        } catch (ReflectiveOperationException e) {
            assumeTrue(false, "no per-thread allocation counter: " + e);
            return;
        }
        Sanitizer s = Sanitizer.defaults();
        LogRecord record = SanitizerBenchSamples.cleanRecord();
        // warm up, so that the measured loop runs compiled code
        for (int i = 0; i < 20_000; i++) {
            run(s, record);
        }
        long id = Thread.currentThread().getId();
        int iterations = 10_000;
        String[] messages = SanitizerBenchSamples.CLEAN_MESSAGES.toArray(new String[0]);
        long before = (Long) allocatedBytes.invoke(threads, id);
        for (int i = 0; i < iterations; i++) {
            for (String m : messages) { // an array: iterating the list would allocate an iterator
                if (s.sanitizeText(m) != m) {
                    throw new AssertionError("a clean message was changed: " + m);
                }
            }
        }
        long textBytes = (Long) allocatedBytes.invoke(threads, id) - before;
        before = (Long) allocatedBytes.invoke(threads, id);
        for (int i = 0; i < iterations; i++) {
            if (s.sanitize(record) != record) {
                throw new AssertionError("a clean record was changed");
            }
        }
        long recordBytes = (Long) allocatedBytes.invoke(threads, id) - before;
        System.out.printf(
                "sanitize allocation: %d bytes for %d clean messages; %.1f bytes per clean record "
                        + "(a walker per map)%n",
                textBytes, iterations * SanitizerBenchSamples.CLEAN_MESSAGES.size(), (double) recordBytes / iterations);
        // slack for the measurement itself; one allocation per message would be 1 MB or more
        assertThat(textBytes).isLessThan(4096);
        // a small walker per map, and Map.of maps allocate entry holders when walked; a copy would cost far more
        assertThat(recordBytes / iterations).isLessThan(400);
    }

    private static void run(Sanitizer s, LogRecord record) {
        if (s.sanitize(record) != record) {
            throw new AssertionError("a clean record was changed");
        }
        for (String m : SanitizerBenchSamples.CLEAN_MESSAGES) {
            if (s.sanitizeText(m) != m) {
                throw new AssertionError("a clean message was changed: " + m);
            }
        }
    }
}
