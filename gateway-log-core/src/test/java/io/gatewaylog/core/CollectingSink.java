package io.gatewaylog.core;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.RecordEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A sink for tests: keeps records and, given an encoder, their JSON lines; can be told to fail. */
class CollectingSink implements LogSink {
    private final List<LogRecord> records = new ArrayList<>();
    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();
    private final Set<LogComponent> components;
    private volatile RecordEncoder encoder;
    volatile boolean failing;
    final AtomicInteger flushes = new AtomicInteger();
    final AtomicInteger batches = new AtomicInteger();
    volatile boolean closed;

    CollectingSink() {
        this(Set.of(LogComponent.values()));
    }

    CollectingSink(Set<LogComponent> components) {
        this.components = components;
    }

    void encodeWith(RecordEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String name() {
        return "collecting";
    }

    @Override
    public boolean accepts(LogComponent component) {
        return components.contains(component);
    }

    @Override
    public synchronized int write(List<LogRecord> batch) throws IOException {
        if (failing) {
            throw new IOException("simulated failure");
        }
        batches.incrementAndGet();
        records.addAll(batch);
        if (encoder != null) {
            for (LogRecord r : batch) {
                encoder.encode(r, lines);
            }
        }
        return batch.size();
    }

    @Override
    public void flush() throws IOException {
        if (failing) {
            throw new IOException("simulated flush failure");
        }
        flushes.incrementAndGet();
    }

    @Override
    public void close() {
        closed = true;
    }

    synchronized List<LogRecord> records() {
        return new ArrayList<>(records);
    }

    synchronized List<String> lines() {
        String all = lines.toString(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (String l : all.split("\n", -1)) {
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }

    synchronized String raw() {
        return lines.toString(StandardCharsets.UTF_8);
    }
}
