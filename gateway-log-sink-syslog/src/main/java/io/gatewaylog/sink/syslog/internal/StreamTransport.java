package io.gatewaylog.sink.syslog.internal;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
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
 *
 * <p>Every operation that can block on the peer (each write to the socket, the open-check, the TLS
 * close) runs under the {@link StallWatchdog}, which closes the plain TCP socket when one makes no
 * progress for {@code write.timeout}.
 */
final class StreamTransport implements Transport {
    private static final int BUFFER = 64 * 1024;
    /**
     * Our kernel send buffer, fixed rather than auto-tuned (which grows it to 4MB on Linux): what sits in
     * it when a collector stops reading is lost with the connection, and a smaller buffer also makes a
     * stall show sooner. 256KB (the kernel doubles it) still carries megabytes per second over a 50 ms link.
     */
    private static final int SEND_BUFFER = 256 * 1024;

    private final Target target;
    private final Socket socket;
    private final Socket plain;
    private final StallWatchdog watchdog;
    private final InputStream in;
    private final OutputStream out;
    private final boolean octetCounting;
    private final int maxMessageSize;

    private StreamTransport(
            Target target,
            Socket socket,
            Socket plain,
            StallWatchdog watchdog,
            boolean octetCounting,
            int maxMessageSize)
            throws IOException {
        this.target = target;
        this.socket = socket;
        this.plain = plain;
        this.watchdog = watchdog;
        this.in = socket.getInputStream();
        this.out = new BufferedOutputStream(new Watched(socket.getOutputStream()), BUFFER);
        this.octetCounting = octetCounting;
        this.maxMessageSize = maxMessageSize;
    }

    /** Connects; for TLS also completes the handshake, verifying the host name unless told not to. */
    static StreamTransport open(Target target, SyslogConfig config, SSLContext tls, StallWatchdog watchdog)
            throws IOException {
        InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve " + target.host());
        }
        int timeout = (int) Math.min(Integer.MAX_VALUE, config.connectTimeout.toMillis());
        Socket plain = new Socket();
        Socket socket = plain;
        try {
            plain.setSendBufferSize(SEND_BUFFER);
            plain.connect(address, timeout);
            plain.setTcpNoDelay(true);
            plain.setKeepAlive(true);
            if (target.kind() == Target.Kind.TLS) {
                SSLSocket ssl =
                        (SSLSocket) tls.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
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
            return new StreamTransport(
                    target,
                    socket,
                    plain,
                    watchdog,
                    config.framing == SyslogConfig.Framing.OCTET_COUNTING,
                    config.maxMessageSize);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            closeQuietly(plain);
            throw e;
        }
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public int maxMessageSize() {
        return maxMessageSize;
    }

    @Override
    public boolean needsNewlineEscaping() {
        return !octetCounting;
    }

    @Override
    public boolean isStream() {
        return true;
    }

    @Override
    public void checkOpen() throws IOException {
        // A syslog server never writes to us: end of stream means it closed, a timeout means it is there.
        // (Under TLS a read may have to write, e.g. to answer a close_notify: hence the watchdog.)
        socket.setSoTimeout(1);
        watchdog.arm(plain);
        try {
            while (true) {
                if (in.read() < 0) {
                    throw new EOFException("the server closed the connection");
                }
            }
        } catch (SocketTimeoutException open) {
            // Still connected.
        } finally {
            watchdog.disarm();
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
    public void verify() {
        // The open-check before each batch does this job for streams.
    }

    @Override
    public void close() {
        // TLS sends close_notify, which blocks if the peer stopped reading: bounded like a write.
        watchdog.arm(plain);
        try {
            closeQuietly(socket);
        } finally {
            watchdog.disarm();
            closeQuietly(plain);
        }
    }

    /** The socket's stream, each write and flush under the watchdog. */
    private final class Watched extends FilterOutputStream {
        Watched(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            watchdog.arm(plain);
            try {
                out.write(b, off, len);
            } finally {
                watchdog.disarm();
            }
        }

        @Override
        public void flush() throws IOException {
            watchdog.arm(plain);
            try {
                out.flush();
            } finally {
                watchdog.disarm();
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }
}
