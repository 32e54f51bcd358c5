package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.spi.Reporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what would go to stderr. */
public final class RecordingReporter implements Reporter {
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public void error(String message, Throwable cause) {
        errors.add(message + " (" + cause + ")");
    }
}
