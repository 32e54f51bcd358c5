package io.gatewaylog.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The copies a record takes of the maps it is handed ({@link LogRecord.Builder}, {@link LogContext}). */
final class Snapshots {
    private Snapshots() {}

    /**
     * Returns an unmodifiable snapshot of {@code map} that keeps its order and null values. Immutable maps
     * ({@link Fields}, the JDK's {@code Map.of}) are taken as they are: copying them would only cost allocation.
     */
    static <V> Map<String, V> of(Map<String, ? extends V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        if (map instanceof Fields || map.getClass().getName().startsWith("java.util.ImmutableCollections$")) {
            @SuppressWarnings("unchecked")
            Map<String, V> same = (Map<String, V>) map;
            return same;
        }
        Map<String, V> copy = new LinkedHashMap<>(Math.max(4, (int) (map.size() / 0.75f) + 1));
        for (Map.Entry<String, ? extends V> e : map.entrySet()) {
            copy.put(String.valueOf(e.getKey()), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }
}
