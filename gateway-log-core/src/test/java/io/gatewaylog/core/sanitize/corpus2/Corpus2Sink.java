package io.gatewaylog.core.sanitize.corpus2;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.RecordEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Encodes every record it is given with the real JSON-lines encoder and keeps the lines. */
final class Corpus2Sink implements LogSink {
    private final List<String> lines = new ArrayList<>();
    private volatile RecordEncoder encoder;

    void encodeWith(RecordEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String name() {
        return "corpus2";
    }

    @Override
    public synchronized int write(List<LogRecord> batch) throws IOException {
        for (LogRecord r : batch) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            encoder.encode(r, out);
            lines.add(out.toString(StandardCharsets.UTF_8));
        }
        return batch.size();
    }

    /** The lines written since the last call. */
    synchronized List<String> drain() {
        List<String> out = new ArrayList<>(lines);
        lines.clear();
        return out;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
