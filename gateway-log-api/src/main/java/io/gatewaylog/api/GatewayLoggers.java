package io.gatewaylog.api;

import io.gatewaylog.api.internal.BackendLocator;
import io.gatewaylog.api.internal.NoOpBackend;
import io.gatewaylog.api.spi.BackendProvider;
import io.gatewaylog.api.spi.LoggingBackend;
import io.gatewaylog.api.spi.LoggingStatistics;
import io.gatewaylog.api.spi.Reporter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Entry points: component loggers, configuration in code, statistics and shutdown.
 * <pre>{@code
 * GatewayLogger log = GatewayLoggers.api("endpoint_name");
 * log.info("Processing request", Map.of("request_id", "123", "endpoint", "/api/v1/messages"));
 * }</pre>
 * The backend is found on first use (see {@link io.gatewaylog.api.spi.BackendProvider}). With none on the
 * class path, loggers work and drop everything, and one warning is printed on stderr.
 *
 * @since 1.0
 */
public final class GatewayLoggers {
    /** How long the JVM's exit or {@link #shutdown()} waits for buffers to drain by default. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private static final Object LOCK = new Object();
    private static volatile LoggingBackend backend;
    private static Map<String, String> codeSettings = Map.of();

    private GatewayLoggers() {}

    /**
     * Logger of the API component.
     *
     * @param name the logger's name, written as {@code "logger"}
     * @return the logger (thread-safe; keep it in a static field)
     */
    public static GatewayLogger api(String name) {
        return get(LogComponent.API, name);
    }

    /**
     * Logger of the protocol component.
     *
     * @param name the logger's name, written as {@code "logger"}
     * @return the logger (thread-safe; keep it in a static field)
     */
    public static GatewayLogger protocol(String name) {
        return get(LogComponent.PROTOCOL, name);
    }

    /**
     * Logger of the auth component: every record is written and flushed before the call returns.
     *
     * @param name the logger's name, written as {@code "logger"}
     * @return the logger (thread-safe; keep it in a static field)
     */
    public static GatewayLogger auth(String name) {
        return get(LogComponent.AUTH, name);
    }

    /**
     * Logger of the infrastructure component.
     *
     * @param name the logger's name, written as {@code "logger"}
     * @return the logger (thread-safe; keep it in a static field)
     */
    public static GatewayLogger infra(String name) {
        return get(LogComponent.INFRA, name);
    }

    /**
     * Logger of the system component.
     *
     * @param name the logger's name, written as {@code "logger"}
     * @return the logger (thread-safe; keep it in a static field)
     */
    public static GatewayLogger system(String name) {
        return get(LogComponent.SYSTEM, name);
    }

    /**
     * Logger of the metrics component.
     *
     * @param name the logger's name, written as {@code "logger"}
     * @return the logger (thread-safe; keep it in a static field)
     */
    public static GatewayLogger metrics(String name) {
        return get(LogComponent.METRICS, name);
    }

    /**
     * Logger of {@code component} named {@code name}.
     *
     * @param component the component written to
     * @param name the logger's name (null is written as empty)
     * @return the logger
     */
    public static GatewayLogger get(LogComponent component, String name) {
        return backend().logger(Objects.requireNonNull(component, "component"), name == null ? "" : name);
    }

    /**
     * Gives settings in code, the highest precedence (keys as in the settings table, e.g.
     * {@code "level"}, {@code "component.protocol.buffer.size"}). Must be called before the first
     * logger is obtained.
     *
     * @param settings setting keys and values (copied)
     * @throws IllegalStateException if the backend has already started
     */
    public static void configure(Map<String, String> settings) {
        synchronized (LOCK) {
            if (backend != null) {
                throw new IllegalStateException(
                        "gateway-log has already started; call configure(...) before the first logger is obtained");
            }
            codeSettings = Map.copyOf(settings);
        }
    }

    /**
     * The backend's self-statistics.
     *
     * @return live counters per component (all zero without a backend)
     */
    public static LoggingStatistics statistics() {
        return backend().statistics();
    }

    /**
     * Writes out everything buffered so far, waiting at most {@code timeout}.
     *
     * @param timeout the longest wait
     * @return true if everything accepted before the call was written in time
     */
    public static boolean flush(Duration timeout) {
        return backend().flush(timeout);
    }

    /**
     * Drains and closes everything, waiting at most {@link #DEFAULT_SHUTDOWN_TIMEOUT}.
     *
     * @return true if all was written
     */
    public static boolean shutdown() {
        return shutdown(DEFAULT_SHUTDOWN_TIMEOUT);
    }

    /**
     * Drains and closes everything, waiting at most {@code timeout}.
     *
     * @param timeout the longest wait
     * @return true if all was written
     */
    public static boolean shutdown(Duration timeout) {
        LoggingBackend b = backend;
        return b == null || b.shutdown(timeout);
    }

    private static LoggingBackend backend() {
        LoggingBackend b = backend;
        if (b != null) {
            return b;
        }
        synchronized (LOCK) {
            if (backend == null) {
                backend = bind();
            }
            return backend;
        }
    }

    private static LoggingBackend bind() {
        Reporter reporter = Reporter.stderr();
        BackendProvider provider = BackendLocator.locate(
                GatewayLoggers.class.getClassLoader(), System.getProperty(BackendLocator.BACKEND_PROPERTY), reporter);
        if (provider == null) {
            reporter.warn("no backend found (add io.gatewaylog:gateway-log-core to the class path); "
                    + "records are discarded");
            return new NoOpBackend();
        }
        return provider.create(codeSettings);
    }
}
