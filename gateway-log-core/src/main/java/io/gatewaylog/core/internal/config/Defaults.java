package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.LogComponent;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The built-in defaults per profile and per component, as SPEC.md fixes them. Anything set explicitly
 * (file, environment, system property, code) wins over these, a component's own key over the global one.
 */
public final class Defaults {
    public static final String DEVELOPMENT = "development";
    public static final String PRODUCTION = "production";

    private static final Map<String, String> DEV = new HashMap<>();
    private static final Map<String, String> PROD = new HashMap<>();
    private static final Map<LogComponent, Map<String, String>> COMPONENT = new EnumMap<>(LogComponent.class);

    static {
        DEV.put("dir", "./logs");
        DEV.put("level", "DEBUG");
        DEV.put("rotation.size", "100MB");
        DEV.put("backups", "10");
        DEV.put("buffer.size", "1000");
        DEV.put("buffer.max", "10000");
        DEV.put("console.enabled", "true");
        DEV.put("console.format", "text");
        DEV.put("disk.threshold", "85");

        PROD.put("dir", "/var/log/gateway");
        PROD.put("level", "INFO");
        PROD.put("rotation.size", "200MB");
        PROD.put("backups", "20");
        PROD.put("buffer.size", "5000");
        PROD.put("buffer.max", "50000");
        PROD.put("console.enabled", "false");
        PROD.put("console.format", "json");
        PROD.put("disk.threshold", "85");

        for (Map<String, String> p : new Map[] {DEV, PROD}) {
            p.put("flush.interval", "1s");
            p.put("overflow", "block");
            p.put("buffer.max.bytes", "64MB");
            p.put("sync.timeout", "1s");
            p.put("sanitize.enabled", "true");
            p.put("max.value.length", "32768");
            p.put("shutdown.timeout", "10s");
            p.put("shutdown.hook", "true");
            p.put("process.name", "gateway");
            p.put("asset.id", "");
        }

        component(LogComponent.PROTOCOL, "retention.days", "30", "buffer.size", "5000", "buffer.max", "50000",
                "flush.interval", "500ms", "rotation.size", "200MB", "backups", "20");
        component(LogComponent.SYSTEM, "retention.days", "90");
        component(LogComponent.INFRA, "retention.days", "60");
        component(LogComponent.API, "retention.days", "30");
        component(LogComponent.AUTH, "retention.days", "365", "sync", "true");
        component(LogComponent.METRICS, "retention.days", "7", "buffer.size", "10000", "buffer.max", "100000",
                "flush.interval", "500ms");
    }

    private Defaults() {
    }

    private static void component(LogComponent c, String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        COMPONENT.put(c, m);
    }

    /** The profile-wide default of {@code key}, or null. */
    public static String profileDefault(String profile, String key) {
        return (PRODUCTION.equals(profile) ? PROD : DEV).get(key);
    }

    /** The component's own default of {@code key}, or null. */
    public static String componentDefault(LogComponent component, String key) {
        return COMPONENT.get(component).get(key);
    }
}
