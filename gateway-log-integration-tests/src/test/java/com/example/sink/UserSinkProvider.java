package com.example.sink;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LogSinkProvider;
import io.gatewaylog.api.spi.SinkContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink as a user writes one, against gateway-log-api only: it keeps records in memory and, when the
 * setting {@code sink.user.file} is set, also appends their JSON lines to that file.
 */
public final class UserSinkProvider implements LogSinkProvider {
    /** Records received by any instance, for the tests to read. */
    public static final List<LogRecord> RECEIVED = new ArrayList<>();

    @Override
    public String name() {
        return "user";
    }

    @Override
    public LogSink create(SinkContext context) {
        Path file = context.settings().getPath("sink.user.file", null);
        return new LogSink() {
            private OutputStream out;

            @Override
            public String name() {
                return "user";
            }

            @Override
            public int write(List<LogRecord> batch) throws IOException {
                synchronized (RECEIVED) {
                    RECEIVED.addAll(batch);
                }
                if (file != null) {
                    synchronized (this) {
                        if (out == null) {
                            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        }
                        for (LogRecord r : batch) {
                            context.encoder().encode(r, out);
                        }
                    }
                }
                return batch.size();
            }

            @Override
            public synchronized void flush() throws IOException {
                if (out != null) {
                    out.flush();
                }
            }

            @Override
            public synchronized void close() throws IOException {
                if (out != null) {
                    out.close();
                }
            }
        };
    }
}
