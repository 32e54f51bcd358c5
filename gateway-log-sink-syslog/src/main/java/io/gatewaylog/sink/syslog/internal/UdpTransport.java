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
final class UdpTransport extends DatagramTransport {
    // 65535 minus the IPv4 and UDP headers.
    private static final int MAX_UDP_PAYLOAD = 65_507;

    private final DatagramSocket socket;

    UdpTransport(Target target, int maxMessageSize) throws IOException {
        super(target, Math.min(maxMessageSize, MAX_UDP_PAYLOAD));
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
    }

    @Override
    public void send(byte[] message) throws IOException {
        socket.send(new DatagramPacket(message, message.length));
    }

    @Override
    public void close() {
        socket.close();
    }
}
