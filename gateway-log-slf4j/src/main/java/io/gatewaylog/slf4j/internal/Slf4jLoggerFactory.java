package io.gatewaylog.slf4j.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** SLF4J's logger factory: one {@link Slf4jLogger} per name, over the shared {@link BridgeTargets}. */
public final class Slf4jLoggerFactory implements ILoggerFactory {
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
        String n = name == null ? "" : name;
        Logger l = loggers.get(n);
        return l != null ? l : loggers.computeIfAbsent(n, k -> new Slf4jLogger(BridgeTargets.forName(k)));
    }
}
