package io.gatewaylog.testkit;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.Measurement;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A sink that passes every call to another one: the base of test wrappers that change or observe one call
 * (fail part of a batch, time a write) and leave the rest, both flushes included, as the wrapped sink does them.
 *
 * @since 1.0
 */
public abstract class ForwardingSink implements LogSink {
    private final LogSink delegate;

    /**
     * Wraps a sink.
     *
     * @param delegate the sink every call goes to
     */
    protected ForwardingSink(LogSink delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * The wrapped sink.
     *
     * @return the sink every call goes to
     */
    protected final LogSink delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean accepts(LogComponent component) {
        return delegate.accepts(component);
    }

    @Override
    public int write(List<LogRecord> batch) throws IOException {
        return delegate.write(batch);
    }

    @Override
    public void flush() throws IOException {
        delegate.flush();
    }

    @Override
    public void flush(LogComponent component) throws IOException {
        delegate.flush(component);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public List<Measurement> measurements() {
        return delegate.measurements();
    }
}
