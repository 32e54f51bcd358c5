package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.api.spi.Reporter;
import java.util.concurrent.atomic.AtomicBoolean;

/** Reports a condition once when it starts and once when it ends, however often it happens in between. */
final class EpisodeReporter {
    private final Reporter reporter;
    private final AtomicBoolean active = new AtomicBoolean();

    EpisodeReporter(Reporter reporter) {
        this.reporter = reporter;
    }

    /** The condition holds; reports {@code message} if it did not already. */
    void start(String message, Throwable cause) {
        if (active.compareAndSet(false, true)) {
            if (cause == null) {
                reporter.warn("kafka: " + message);
            } else {
                reporter.error("kafka: " + message, cause);
            }
        }
    }

    /** The condition is over; reports {@code message} if it was on. */
    void end(java.util.function.Supplier<String> message) {
        if (active.get() && active.compareAndSet(true, false)) {
            reporter.warn("kafka: " + message.get());
        }
    }

    boolean active() {
        return active.get();
    }
}
