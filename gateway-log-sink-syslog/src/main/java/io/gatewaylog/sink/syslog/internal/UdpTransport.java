package io.gatewaylog.sink.syslog.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/**
 * RFC 5426 syslog over UDP: one message per datagram, so LF inside a message cannot split it. The
 * socket is connected, which makes a local "port unreachable" answer surface as an exception on the
 * next send; that is how a fallback away from UDP can notice anything at all.
 */
final class UdpTransport implements Transport {
    // 65535 minus the IPv4 and UDP headers.
    private static final int MAX_UDP_PAYLOAD = 65_507;

    private final Target target;
    private final DatagramSocket socket;
    private final int maxMessageSize;

    UdpTransport(Target target, int maxMessageSize) throws IOException {
        this.target = target;
        InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve " + target.host());
        }
        this.socket = new DatagramSocket();
        try {
            socket.connect(address);
        } catch (RuntimeException e) {
            socket.close();
            throw new IOException("cannot connect to " + target + ": " + e.getMessage(), e);
        }
        this.maxMessageSize = Math.min(maxMessageSize, MAX_UDP_PAYLOAD);
    }

    @Override
    public Target target() { return target; }

    @Override
    public int maxMessageSize() { return maxMessageSize; }

    @Override
    public boolean needsNewlineEscaping() { return false; }

    @Override
    public boolean isStream() { return false; }

    @Override
    public void checkOpen() {
        // Nothing to check: UDP has no connection.
    }

    @Override
    public void send(byte[] message) throws IOException {
        socket.send(new DatagramPacket(message, message.length));
    }

    @Override
    public void flush() {
        // Every datagram leaves on send.
    }

    @Override
    public void close() {
        socket.close();
    }
}
