package io.gatewaylog.core.internal.console;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.RecordEncoder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The console sink (the seed's stream handler): readable single-line text in development, JSON lines
 * on request ({@code console.format=json}, production's default). Several components' writers share
 * it, so writes are synchronized; each batch goes out as whole lines.
 */
public final class ConsoleSink implements LogSink {
    /** Line formats of the console. */
    public enum Format { TEXT, JSON }

    private final OutputStream out;
    private final Format format;
    private final RecordEncoder encoder;
    private final TextLineFormatter text;

    public ConsoleSink(OutputStream out, Format format, RecordEncoder encoder, int maxValueLength) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
        this.format = format;
        this.encoder = encoder;
        this.text = new TextLineFormatter(maxValueLength);
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public synchronized int write(List<LogRecord> batch) throws IOException {
        for (LogRecord r : batch) {
            if (format == Format.JSON) {
                encoder.encode(r, out);
            } else {
                out.write(text.format(r).getBytes(StandardCharsets.UTF_8));
            }
        }
        return batch.size();
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        // Never close System.out: only flush it.
        out.flush();
    }
}
