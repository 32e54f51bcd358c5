package io.gatewaylog.testkit;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sink under test seen through a wrapper that lets it take only part of some batches, the way a
 * sink that fails part-way answers {@code write}: {@code take} says how many leading records of the
 * {@code call}-th batch are passed on; the wrapper returns what the sink says it took of those. Every
 * other call, both flushes included, is passed on unchanged, so the sink behaves as it does unwrapped.
 */
final class PartialSink extends ForwardingSink {
    /** How many leading records of the {@code call}-th batch (counted from 1) to pass on. */
    interface Take {
        int of(int size, int call);
    }

    private final Take take;
    private final AtomicInteger calls = new AtomicInteger();
    /** Per write: {passed on, the sink's answer}. */
    final List<int[]> answers = new CopyOnWriteArrayList<>();

    PartialSink(LogSink sink, Take take) {
        super(sink);
        this.take = take;
    }

    @Override
    public int write(List<LogRecord> batch) throws IOException {
        int k = Math.max(0, Math.min(take.of(batch.size(), calls.incrementAndGet()), batch.size()));
        int answer = k == 0 ? 0 : delegate().write(batch.subList(0, k));
        answers.add(new int[] {k, answer});
        return Math.min(answer, k);
    }
}
