package io.gatewaylog.api;

import java.util.Map;

/**
 * The values a {@link LogRecord.Builder} has collected so far (its package-private base, as the JDK's
 * {@code AbstractStringBuilder} is {@code StringBuilder}'s), and the backend's ways to preset them that users
 * do not see: the copy of a record into a builder and the replacement of its error, reached through
 * {@code ApiAccess.toBuilder} and {@code ApiAccess.error}.
 */
abstract sealed class RecordDraft permits LogRecord.Builder {
    long epochMillis;
    Level level = Level.INFO;
    LogComponent component = LogComponent.SYSTEM;
    String logger;
    String message;
    Map<String, Object> fields;
    Map<String, String> context;
    Throwable cause;
    ErrorInfo error;
    String threadName;
    long threadId;

    /** A record of the values collected so far. */
    final LogRecord toRecord() {
        return new LogRecord(
                epochMillis, level, component, logger, message, fields, context, cause, error, threadName, threadId);
    }

    /**
     * Takes every value of {@code record}, to derive a changed copy (a sanitizer's). Its maps are already
     * snapshots and are kept as they are; its error is taken as set, not derived here from the cause.
     */
    final void copyFrom(LogRecord record) {
        epochMillis = record.epochMillis();
        level = record.level();
        component = record.component();
        logger = record.logger();
        message = record.message();
        fields = record.fields();
        context = record.context();
        cause = record.cause();
        error = record.errorAsSet();
        threadName = record.threadName();
        threadId = record.threadId();
    }

    /** Replaces the error as written (a sanitizer's masked copy); the original cause is kept. */
    final void replaceError(ErrorInfo replacement) {
        error = replacement;
    }
}
