package io.gatewaylog.sink.syslog.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;

/**
 * RFC 5426 syslog over UDP: one message per datagram, so LF inside a message cannot split it. The
 * socket is connected, which makes a local "port unreachable" answer surface as an exception on the
 * next send; that is how a fallback away from UDP can notice anything at all.
 */
final class UdpTransport extends DatagramTransport {
    // 65535 minus the IPv4 and UDP headers.
    private static final int MAX_UDP_PAYLOAD = 65_507;
    private static final int VERIFY_MILLIS = 10;

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

    /**
     * Waits a moment for the answer to the datagram just sent: a listener never answers (a timeout: all
     * is well); a closed port answers ICMP port unreachable, which a connected socket reports on this
     * receive. Loopback answers within microseconds; a remote host that filters ICMP cannot be told from
     * a listening one. Done once per transport, so that a missing collector is one failure, not a
     * "sent, failed, reconnected" cycle per record.
     */
    @Override
    public void verify() throws IOException {
        socket.setSoTimeout(VERIFY_MILLIS);
        try {
            socket.receive(new DatagramPacket(new byte[1], 1));
        } catch (SocketTimeoutException silent) {
            // Nobody refused: a listener took it (or the refusal, if any, is not coming back to us).
        } catch (PortUnreachableException e) {
            throw new PortUnreachableException("nothing listens there (ICMP port unreachable)");
        } finally {
            socket.setSoTimeout(0);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
