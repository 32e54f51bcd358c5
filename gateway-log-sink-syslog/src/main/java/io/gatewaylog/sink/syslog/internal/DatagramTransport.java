package io.gatewaylog.sink.syslog.internal;

import java.io.IOException;

/**
 * What every datagram transport shares: one message per datagram (so a newline cannot split a record
 * and needs no escaping), nothing buffered (each datagram leaves on send), no connection to check (a
 * vanished receiver shows up as an error on the next send).
 */
abstract class DatagramTransport implements Transport {
    private final Target target;
    private final int maxMessageSize;

    DatagramTransport(Target target, int maxMessageSize) {
        this.target = target;
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public final Target target() {
        return target;
    }

    @Override
    public final int maxMessageSize() {
        return maxMessageSize;
    }

    @Override
    public final boolean needsNewlineEscaping() {
        return false;
    }

    @Override
    public final boolean isStream() {
        return false;
    }

    @Override
    public final void checkOpen() {
        // Nothing to check: datagrams have no connection.
    }

    @Override
    public void verify() throws IOException {
        // A connected local socket refuses at once (connect or send): nothing to wait for.
    }

    @Override
    public final void flush() {
        // Every datagram leaves on send.
    }
}
