package io.gatewaylog.sink.syslog.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds this machine's name for the HOSTNAME header field. */
final class Hostnames {
    private Hostnames() {}

    /**
     * The kernel's host name where it can be read without a network round trip, else the JDK's answer,
     * else {@code -} (the NILVALUE). Only printable US-ASCII survives (RFC 5424 section 6.2.4).
     */
    static String local() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII);
            } catch (IOException | RuntimeException e) {
                name = null;
            }
        }
        if (name == null || name.isBlank()) {
            try {
                // May query DNS; only reached off Linux.
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException e) {
                name = null;
            }
        }
        String cleaned = name == null ? "" : SdNames.printable(name.trim(), 255);
        return cleaned.isEmpty() ? "-" : cleaned;
    }
}
