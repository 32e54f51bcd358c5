package io.gatewaylog.sink.syslog.internal;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Syslog over TCP (RFC 6587) or TLS (RFC 5425). With octet counting ({@code LEN SP MSG}) a message may
 * hold any byte, newlines included; with LF framing newlines are escaped by the formatter.
 */
final class StreamTransport implements Transport {
    private static final int BUFFER = 64 * 1024;

    private final Target target;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final boolean octetCounting;
    private final int maxMessageSize;

    private StreamTransport(Target target, Socket socket, boolean octetCounting, int maxMessageSize) throws IOException {
        this.target = target;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
        this.octetCounting = octetCounting;
        this.maxMessageSize = maxMessageSize;
    }

    /** Connects; for TLS also completes the handshake, verifying the host name unless told not to. */
    static StreamTransport open(Target target, SyslogConfig config, SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve " + target.host());
        }
        int timeout = (int) Math.min(Integer.MAX_VALUE, config.connectTimeout.toMillis());
        Socket plain = new Socket();
        Socket socket = plain;
        try {
            plain.connect(address, timeout);
            plain.setTcpNoDelay(true);
            plain.setKeepAlive(true);
            if (target.kind() == Target.Kind.TLS) {
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
                socket = ssl;
                SSLParameters parameters = ssl.getSSLParameters();
                if (config.verifyHostname) {
                    // The JDK checks the certificate against the host name only when asked to.
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                }
                ssl.setSSLParameters(parameters);
                ssl.setSoTimeout(timeout);
                ssl.startHandshake();
                ssl.setSoTimeout(0);
            }
            return new StreamTransport(target, socket, config.framing == SyslogConfig.Framing.OCTET_COUNTING,
                    config.maxMessageSize);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            closeQuietly(plain);
            throw e;
        }
    }

    @Override
    public Target target() { return target; }

    @Override
    public int maxMessageSize() { return maxMessageSize; }

    @Override
    public boolean needsNewlineEscaping() { return !octetCounting; }

    @Override
    public boolean isStream() { return true; }

    @Override
    public void checkOpen() throws IOException {
        // A syslog server never writes to us: end of stream means it closed, a timeout means it is there.
        socket.setSoTimeout(1);
        try {
            while (true) {
                if (in.read() < 0) {
                    throw new EOFException("the server closed the connection");
                }
            }
        } catch (SocketTimeoutException open) {
            // Still connected.
        }
    }

    @Override
    public void send(byte[] message) throws IOException {
        if (octetCounting) {
            out.write(Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII));
            out.write(' ');
            out.write(message);
        } else {
            out.write(message);
            out.write('\n');
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }
}
