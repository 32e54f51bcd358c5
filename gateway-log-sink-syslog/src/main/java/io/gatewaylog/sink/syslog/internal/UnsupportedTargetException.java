package io.gatewaylog.sink.syslog.internal;

import java.io.IOException;

/** A target that can never work in this JVM (no JNA, an unsupported OS): it is skipped, not retried. */
final class UnsupportedTargetException extends IOException {
    private static final long serialVersionUID = 1L;

    UnsupportedTargetException(String message) {
        super(message);
    }
}
