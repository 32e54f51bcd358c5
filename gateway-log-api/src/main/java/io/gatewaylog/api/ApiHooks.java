package io.gatewaylog.api;

import io.gatewaylog.api.internal.ApiAccess;
import java.util.Map;

/**
 * The backend's hooks into this package, installed into {@link ApiAccess} by {@link LogRecord}: they call
 * the package-private factories and copies that users do not see.
 */
final class ApiHooks implements ApiAccess.Hooks {

    /** Makes a record in one allocation: {@code fields} and {@code context} are already unmodifiable snapshots. */
    @Override
    public LogRecord record(
            long epochMillis,
            Level level,
            LogComponent component,
            String logger,
            String message,
            Map<String, ?> fields,
            Map<String, String> context,
            Throwable cause,
            ErrorInfo error,
            String threadName,
            long threadId) {
        @SuppressWarnings("unchecked") // read-only: a Map<String, ?> is as good as a Map<String, Object>
        Map<String, Object> values = (Map<String, Object>) fields;
        return new LogRecord(
                epochMillis, level, component, logger, message, values, context, cause, error, threadName, threadId);
    }

    @Override
    public LogRecord.Builder toBuilder(LogRecord record) {
        LogRecord.Builder b = LogRecord.builder();
        b.copyFrom(record);
        return b;
    }

    @Override
    public LogRecord.Builder error(LogRecord.Builder builder, ErrorInfo error) {
        builder.replaceError(error);
        return builder;
    }

    @Override
    public Fields trustedFields(Object[] kv, int pairs) {
        return new Fields(kv, pairs);
    }

    @Override
    public Fields withValueAt(Fields fields, int i, Object value) {
        return fields.withValueAt(i, value);
    }

    @Override
    public ErrorInfo errorInfo(String type, String message, String stack) {
        return ErrorInfo.of(type, message, stack);
    }
}
