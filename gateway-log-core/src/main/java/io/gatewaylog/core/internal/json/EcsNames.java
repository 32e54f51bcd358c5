package io.gatewaylog.core.internal.json;

import java.util.Set;

/**
 * The top-level names an ECS line reserves. A record or context field whose name is one of them, or
 * starts with one of them and a dot ({@code host}, {@code host.name}, {@code log.level}), would clash
 * with an ECS field (ECS expects an object where a user writes a string, or the key would appear twice):
 * {@link EcsRecordEncoder} moves such a field, under its own name, into the {@code gateway} object.
 */
final class EcsNames {
    /** The object that holds moved fields. */
    static final String MOVED = "gateway";

    /**
     * ECS 8 top-level field sets and base fields, plus our own top-level members ({@code metric},
     * {@code audit}, the file sink's seal, and {@code gateway}, where moved fields go).
     */
    static final Set<String> RESERVED = Set.of(
            "@timestamp",
            "message",
            "labels",
            "tags",
            "agent",
            "as",
            "client",
            "cloud",
            "code_signature",
            "container",
            "data_stream",
            "destination",
            "device",
            "dll",
            "dns",
            "ecs",
            "elf",
            "email",
            "error",
            "event",
            "faas",
            "file",
            "geo",
            "group",
            "hash",
            "host",
            "http",
            "interface",
            "log",
            "macho",
            "network",
            "observer",
            "orchestrator",
            "organization",
            "os",
            "package",
            "pe",
            "process",
            "registry",
            "related",
            "risk",
            "rule",
            "server",
            "service",
            "source",
            "span",
            "threat",
            "tls",
            "trace",
            "transaction",
            "url",
            "user",
            "user_agent",
            "vlan",
            "volume",
            "vulnerability",
            "x509",
            "metric",
            "audit",
            MOVED);

    /** Context fields the encoder maps to ECS fields instead of writing them as they are. */
    static final String ASSET_ID = "asset_id";

    static final String TRACE_ID = "trace_id";
    static final String SPAN_ID = "span_id";

    private EcsNames() {}

    /** Whether a field of this name must be moved into {@link #MOVED}. */
    static boolean collides(String key) {
        if (key == null) {
            return false;
        }
        int dot = key.indexOf('.');
        return RESERVED.contains(dot < 0 ? key : key.substring(0, dot));
    }

    /** Whether the field is written as an ECS field of its own (service.node.name, trace.id, span.id). */
    static boolean mapped(String key) {
        return ASSET_ID.equals(key) || TRACE_ID.equals(key) || SPAN_ID.equals(key);
    }
}
