package io.gatewaylog.slf4j.internal;

import io.gatewaylog.api.LogContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.spi.MDCAdapter;

/**
 * SLF4J's MDC stored in {@link LogContext}: the thread has one context, whichever API wrote it, so a
 * request id put in the MDC by a servlet filter is carried by the gateway's own records too, and one
 * bound with {@code LogContext.with(...)} is visible to {@code MDC.get}.
 *
 * <p>Each change replaces the thread's context with a changed copy ({@link LogContext#restore}), and
 * the scope that returns is deliberately left open: MDC values live until removed. Consequences, all
 * documented: a value put inside a {@code LogContext} scope disappears when that scope closes (the
 * scope restores what it found); {@link #clear()} and {@link #setContextMap} keep the process-wide
 * fields ({@code asset_id}), which are configuration rather than MDC data.
 *
 * <p>The deques of {@code MDC.pushByKey} are kept apart, per thread, and are not written to records,
 * as in SLF4J's own adapters.
 */
public final class ContextMdcAdapter implements MDCAdapter {
    private final ThreadLocal<Map<String, Deque<String>>> deques = new ThreadLocal<>();

    @Override
    public void put(String key, String value) {
        if (key == null) {
            throw new IllegalArgumentException("key cannot be null");
        }
        Map<String, String> changed = new LinkedHashMap<>(LogContext.current());
        changed.put(key, value);
        LogContext.restore(changed);
    }

    @Override
    public String get(String key) {
        return key == null ? null : LogContext.current().get(key);
    }

    @Override
    public void remove(String key) {
        Map<String, String> current = LogContext.current();
        if (key != null && current.containsKey(key)) {
            Map<String, String> changed = new LinkedHashMap<>(current);
            changed.remove(key);
            LogContext.restore(changed);
        }
    }

    @Override
    public void clear() {
        // restore(null) binds the process-wide fields alone.
        LogContext.restore(null);
    }

    @Override
    public Map<String, String> getCopyOfContextMap() {
        return new HashMap<>(LogContext.current());
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        LogContext.restore(null);
        if (contextMap != null && !contextMap.isEmpty()) {
            Map<String, String> replaced = new LinkedHashMap<>(LogContext.current());
            replaced.putAll(contextMap);
            LogContext.restore(replaced);
        }
    }

    @Override
    public void pushByKey(String key, String value) {
        Map<String, Deque<String>> map = deques.get();
        if (map == null) {
            map = new HashMap<>();
            deques.set(map);
        }
        map.computeIfAbsent(key, k -> new ArrayDeque<>()).push(value);
    }

    @Override
    public String popByKey(String key) {
        Map<String, Deque<String>> map = deques.get();
        Deque<String> deque = map == null ? null : map.get(key);
        return deque == null ? null : deque.pollFirst();
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        Map<String, Deque<String>> map = deques.get();
        Deque<String> deque = map == null ? null : map.get(key);
        return deque == null ? null : new ArrayDeque<>(deque);
    }

    @Override
    public void clearDequeByKey(String key) {
        Map<String, Deque<String>> map = deques.get();
        Deque<String> deque = map == null ? null : map.get(key);
        if (deque != null) {
            deque.clear();
        }
    }
}
