package io.gatewaylog.api.internal;

import io.gatewaylog.api.ErrorInfo;
import io.gatewaylog.api.Fields;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import java.util.Map;

/**
 * The backend's way into the API's value types: the hooks that make and derive records, fields and errors
 * without the checks and copies the public factories owe their callers, kept out of the public API so that
 * users never see them (the JDK's "shared secrets", OpenTelemetry's and Log4j's internal accessors).
 * {@link LogRecord}'s static initialiser installs a package-private implementation of {@link Hooks}; the
 * static methods here reach it. Not for use outside gateway-log: the package is exported to our modules only.
 */
public final class ApiAccess {
    /** What the API package implements for the backend; see the static methods of {@link ApiAccess}. */
    public interface Hooks {
        /** See {@link ApiAccess#record}. */
        LogRecord record(
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
                long threadId);

        /** See {@link ApiAccess#toBuilder}. */
        LogRecord.Builder toBuilder(LogRecord record);

        /** See {@link ApiAccess#error}. */
        LogRecord.Builder error(LogRecord.Builder builder, ErrorInfo error);

        /** See {@link ApiAccess#trustedFields}. */
        Fields trustedFields(Object[] kv, int pairs);

        /** See {@link ApiAccess#withValueAt}. */
        Fields withValueAt(Fields fields, int i, Object value);

        /** See {@link ApiAccess#errorInfo}. */
        ErrorInfo errorInfo(String type, String message, String stack);
    }

    private static volatile Hooks installed;

    private ApiAccess() {}

    /** Called once, by {@link LogRecord}'s static initialiser; later calls are ignored. */
    public static synchronized void install(Hooks hooks) {
        if (installed == null) {
            installed = hooks;
        }
    }

    /**
     * Makes a record in one allocation, for the backend's hot path. {@code fields} and {@code context} must
     * already be unmodifiable snapshots that nobody changes; {@code error} is {@link ErrorInfo#of(Throwable)}
     * taken at the call (so that what is written is what the throwable said then), or null.
     */
    public static LogRecord record(
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
        return Holder.HOOKS.record(
                epochMillis, level, component, logger, message, fields, context, cause, error, threadName, threadId);
    }

    /** A builder holding {@code record}'s values (its error as written included), to derive a changed copy. */
    public static LogRecord.Builder toBuilder(LogRecord record) {
        return Holder.HOOKS.toBuilder(record);
    }

    /** Replaces the error as written (a sanitizer's masked copy), keeping the original cause; returns the builder. */
    public static LogRecord.Builder error(LogRecord.Builder builder, ErrorInfo error) {
        return Holder.HOOKS.error(builder, error);
    }

    /**
     * Fields over {@code kv} (keys at even indexes), kept as it is, without the copy and the repeat check that
     * {@link Fields#of(Object...)} owes an array it does not own: the caller guarantees {@code pairs} distinct
     * string keys and never changes the array.
     */
    public static Fields trustedFields(Object[] kv, int pairs) {
        return Holder.HOOKS.trustedFields(kv, pairs);
    }

    /** A copy of {@code fields} with the {@code i}-th value replaced (used by sanitizers). */
    public static Fields withValueAt(Fields fields, int i, Object value) {
        return Holder.HOOKS.withValueAt(fields, i, value);
    }

    /**
     * An error with the given parts, not taken from a throwable: a sanitizer's masked copy
     * ({@code errorInfo(e.type(), maskedMessage, maskedStack)}), or a test's.
     */
    public static ErrorInfo errorInfo(String type, String message, String stack) {
        return Holder.HOOKS.errorInfo(type, message, stack);
    }

    /** Read once, so that the hot path reads a constant (the JIT folds a static final). */
    private static final class Holder {
        static final Hooks HOOKS = load();

        private static Hooks load() {
            try {
                // Initialises LogRecord, whose static initialiser installs the hooks.
                Class.forName(LogRecord.class.getName(), true, LogRecord.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("gateway-log-api is incomplete: no LogRecord", e);
            }
            Hooks h = installed;
            if (h == null) {
                throw new IllegalStateException("LogRecord did not install the API hooks");
            }
            return h;
        }
    }
}
