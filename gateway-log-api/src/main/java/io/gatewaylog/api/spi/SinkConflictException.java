package io.gatewaylog.api.spi;

/**
 * A sink cannot start because its destination is in use by another writer (another process holds the
 * lock on a log directory, for instance). Unlike other start-up failures of a sink, which are reported
 * and skipped, this one fails the backend's start-up: two writers interleaving lines would be worse
 * than no start.
 *
 * @since 1.0
 */
public final class SinkConflictException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message what is in use, and by whom when known */
    public SinkConflictException(String message) {
        super(message);
    }

    /**
     * @param message what is in use, and by whom when known
     * @param cause the failure that showed it (a lock that could not be taken, for instance)
     */
    public SinkConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
