package io.gatewaylog.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Context fields bound to the current thread for a scope and added to every record made inside it:
 * <pre>{@code
 * try (LogContext.Scope scope = LogContext.with("customer_id", "customer_123").and("request_id", id).open()) {
 *     log.info("Processing request");      // carries customer_id and request_id
 * }
 * }</pre>
 * Scopes nest; closing one restores what was bound before it. Record fields of the same key win over
 * context fields. Values are strings, as in SLF4J's MDC.
 *
 * @since 1.0
 */
public final class LogContext {
    private static volatile Map<String, String> global = Map.of();
    private static final ThreadLocal<Map<String, String>> CURRENT = new ThreadLocal<>();

    private LogContext() {}

    /**
     * The fields bound to this thread now.
     *
     * @return an immutable snapshot; never null
     */
    public static Map<String, String> current() {
        Map<String, String> bound = CURRENT.get();
        return bound != null ? bound : global;
    }

    /**
     * Sets fields that every record of the process carries, under any thread's own bindings; the
     * backend binds {@code asset_id} here at start-up. Scopes opened earlier keep what they saw.
     *
     * @param fields the process-wide fields (copied), replacing the previous ones
     */
    public static void bindGlobal(Map<String, String> fields) {
        global = Snapshots.of(fields);
    }

    /**
     * Starts a binding of {@code key} to {@code value}; call {@link Binding#open()} to apply it.
     *
     * @param key the field's name
     * @param value its value
     * @return the binding, to add more fields to and open
     */
    public static Binding with(String key, String value) {
        return new Binding().and(key, value);
    }

    /**
     * Starts a binding of all of {@code fields}.
     *
     * @param fields the fields to bind
     * @return the binding, to add more fields to and open
     */
    public static Binding with(Map<String, String> fields) {
        Binding b = new Binding();
        fields.forEach(b::and);
        return b;
    }

    /**
     * Replaces this thread's context with {@code fields} until the returned scope is closed; used to
     * carry a context captured on one thread over to another.
     *
     * @param fields a context taken with {@link #current()} (null: the process-wide fields only)
     * @return the scope whose closing restores this thread's previous context
     */
    public static Scope restore(Map<String, String> fields) {
        Map<String, String> previous = CURRENT.get();
        CURRENT.set(fields == null ? global : Snapshots.of(fields));
        return new Scope(previous);
    }

    /**
     * Context fields to bind, collected before {@link #open()}.
     *
     * @since 1.0
     */
    public static final class Binding {
        private final Map<String, String> added = new LinkedHashMap<>();

        private Binding() {}

        /**
         * Adds one more field.
         *
         * @param key the field's name
         * @param value its value
         * @return this binding
         */
        public Binding and(String key, String value) {
            added.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * Binds the fields on top of the current ones until the scope closes.
         *
         * @return the scope to close (try-with-resources)
         */
        public Scope open() {
            Map<String, String> previous = CURRENT.get();
            Map<String, String> merged = new LinkedHashMap<>(current());
            merged.putAll(added);
            CURRENT.set(Collections.unmodifiableMap(merged));
            return new Scope(previous);
        }
    }

    /**
     * An open binding; {@link #close()} restores the previous context. Close it on the thread that
     * opened it (try-with-resources does).
     *
     * @since 1.0
     */
    public static final class Scope implements AutoCloseable {
        private final Map<String, String> previous;

        private Scope(Map<String, String> previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
