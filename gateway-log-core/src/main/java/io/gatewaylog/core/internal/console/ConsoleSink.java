package io.gatewaylog.core.internal.console;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.RecordEncoder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The console sink (the seed's stream handler): readable single-line text in development, JSON lines
 * on request ({@code console.format=json}, production's default) or ECS lines ({@code console.format=ecs}),
 * per component with {@code component.<id>.console.format}. Several components' writers share it, so
 * writes are synchronized; each batch goes out as whole lines.
 */
public final class ConsoleSink implements LogSink {
    /** Line formats of the console. */
    public enum Format {
        TEXT,
        JSON,
        ECS
    }

    private final OutputStream out;
    /** Per component ordinal: the encoder of its lines, or null for text. */
    private final RecordEncoder[] encoders = new RecordEncoder[LogComponent.values().length];

    private final TextLineFormatter text;

    /** One format for every component. */
    public ConsoleSink(OutputStream out, Format format, RecordEncoder json, RecordEncoder ecs, int maxValueLength) {
        this(out, formats(format), json, ecs, maxValueLength);
    }

    /** A format per component ({@code formats} holds every component). */
    public ConsoleSink(
            OutputStream out,
            Map<LogComponent, Format> formats,
            RecordEncoder json,
            RecordEncoder ecs,
            int maxValueLength) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
        for (LogComponent c : LogComponent.values()) {
            Format f = formats.get(c);
            encoders[c.ordinal()] = f == Format.JSON ? json : f == Format.ECS ? ecs : null;
        }
        this.text = new TextLineFormatter(maxValueLength);
    }

    private static Map<LogComponent, Format> formats(Format format) {
        Map<LogComponent, Format> m = new java.util.EnumMap<>(LogComponent.class);
        for (LogComponent c : LogComponent.values()) {
            m.put(c, format);
        }
        return m;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public synchronized int write(List<LogRecord> batch) throws IOException {
        for (LogRecord r : batch) {
            RecordEncoder encoder = encoders[r.component().ordinal()];
            if (encoder != null) {
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
