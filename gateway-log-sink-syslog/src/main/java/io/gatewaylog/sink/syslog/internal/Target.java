package io.gatewaylog.sink.syslog.internal;

import java.util.Locale;
import java.util.Objects;

/**
 * Where syslog messages go: {@code unix:/dev/log}, {@code udp:host:port}, {@code tcp:host:port} or
 * {@code tls:host:port} (an IPv6 host in brackets: {@code tcp:[::1]:6514}).
 */
public final class Target {

    /** The kinds of transport. */
    public enum Kind {
        UNIX,
        UDP,
        TCP,
        TLS;

        /** Whether a connection carries a byte stream (framed), rather than one datagram per message. */
        boolean isStream() {
            return this == TCP || this == TLS;
        }
    }

    static final String ALLOWED = "a comma-separated list of unix:<path>, udp:<host>:<port>, tcp:<host>:<port>, "
            + "tls:<host>:<port> (port 1..65535, IPv6 hosts in brackets)";

    private final Kind kind;
    private final String host;
    private final int port;
    private final String path;

    private Target(Kind kind, String host, int port, String path) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.path = path;
    }

    /** A Unix datagram socket at {@code path}. */
    public static Target unix(String path) {
        return new Target(Kind.UNIX, null, 0, Objects.requireNonNull(path, "path"));
    }

    /** A network target. */
    public static Target network(Kind kind, String host, int port) {
        if (kind == Kind.UNIX) {
            throw new IllegalArgumentException("unix targets have a path");
        }
        return new Target(kind, Objects.requireNonNull(host, "host"), port, null);
    }

    /** Parses one target, or returns null if it is malformed. */
    static Target parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        Kind kind;
        try {
            kind = Kind.valueOf(t.substring(0, colon).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String rest = t.substring(colon + 1);
        if (kind == Kind.UNIX) {
            // sun_path holds 108 bytes with the terminating NUL.
            return rest.isEmpty() || rest.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 107
                    ? null
                    : unix(rest);
        }
        String host;
        String portText;
        if (rest.startsWith("[")) {
            int close = rest.indexOf("]:");
            if (close < 0) {
                return null;
            }
            host = rest.substring(1, close);
            portText = rest.substring(close + 2);
        } else {
            int last = rest.lastIndexOf(':');
            if (last <= 0 || rest.indexOf(':') != last) {
                return null;
            }
            host = rest.substring(0, last);
            portText = rest.substring(last + 1);
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            return null;
        }
        if (host.isEmpty() || port < 1 || port > 65535) {
            return null;
        }
        return network(kind, host, port);
    }

    public Kind kind() {
        return kind;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String path() {
        return path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t
                && kind == t.kind
                && port == t.port
                && Objects.equals(host, t.host)
                && Objects.equals(path, t.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, host, port, path);
    }

    @Override
    public String toString() {
        String k = kind.name().toLowerCase(Locale.ROOT);
        if (kind == Kind.UNIX) {
            return k + ":" + path;
        }
        return k + ":" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
