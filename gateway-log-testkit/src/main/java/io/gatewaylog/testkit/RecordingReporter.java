package io.gatewaylog.testkit;

import io.gatewaylog.api.spi.Reporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Reporter} that keeps what a sink reports instead of printing it, for assertions: give it to
 * {@code GatewayLogBackend.builder().reporter(...)} or to a sink's context, then look at
 * {@link #warnings()}, {@link #errors()} or {@link #messages()}. Thread-safe: sinks report from their
 * writer threads.
 *
 * @since 1.0
 */
public final class RecordingReporter implements Reporter {
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    /** An empty reporter. */
    public RecordingReporter() {}

    @Override
    public void warn(String message) {
        warnings.add(message);
        messages.add(message);
    }

    /** Keeps {@code message: cause} (the cause's {@code toString()}), or the message alone without a cause. */
    @Override
    public void error(String message, Throwable cause) {
        String line = cause == null ? message : message + ": " + cause;
        errors.add(line);
        messages.add(line);
    }

    /** The warnings so far, oldest first (a live, thread-safe view). */
    public List<String> warnings() {
        return warnings;
    }

    /** The errors so far, each with its cause, oldest first (a live, thread-safe view). */
    public List<String> errors() {
        return errors;
    }

    /** Warnings and errors together, in the order they were reported (a live, thread-safe view). */
    public List<String> messages() {
        return messages;
    }

    /** How many warnings and errors contain {@code part}. */
    public long count(String part) {
        return messages.stream().filter(m -> m.contains(part)).count();
    }

    /** Forgets everything reported so far. */
    public void clear() {
        warnings.clear();
        errors.clear();
        messages.clear();
    }

    /** Every message, one a line: what an assertion's description shows. */
    @Override
    public String toString() {
        return String.join("\n", messages);
    }
}
