package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.testkit.internal.TestCertificate;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;

/**
 * Collectors written for the fault tests, on 127.0.0.1: one that accepts connections (completing the
 * TLS handshake) and then never reads a byte, so the kernel's buffers fill and the client's writes
 * block, and one that reads octet-counted syslog and keeps every message. Their TLS certificate is the
 * testkit's {@link TestCertificate}.
 */
final class TestCollectors {
    private TestCollectors() {}

    /** Accepts every connection, completes the TLS handshake if any, and never reads. */
    static final class Hung implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        private Hung(ServerSocket server) {
            this.server = server;
            Thread t = new Thread(this::accept, "hung-collector");
            t.setDaemon(true);
            t.start();
        }

        static Hung tcp() throws IOException {
            return new Hung(bind(new ServerSocket()));
        }

        static Hung tls(TestCertificate certificate) throws Exception {
            return new Hung(
                    bind(certificate.serverContext().getServerSocketFactory().createServerSocket()));
        }

        private static ServerSocket bind(ServerSocket s) throws IOException {
            // Small, fixed receive buffers (no auto-tuning): the client's writes block after a few hundred KB.
            s.setReceiveBufferSize(4096);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.add(s);
                    if (s instanceof SSLSocket) {
                        ((SSLSocket) s).startHandshake();
                    }
                } catch (IOException e) {
                    // closed, or a client that gave up during the handshake
                }
            }
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    /** A healthy collector: reads octet-counted messages ({@code LEN SP MSG}) and keeps them. */
    static final class Reading implements AutoCloseable {
        private final ServerSocket server;
        private final List<String> messages = new CopyOnWriteArrayList<>();
        private final AtomicInteger connections = new AtomicInteger();

        Reading() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::accept, "reading-collector");
            t.setDaemon(true);
            t.start();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    Thread r = new Thread(() -> read(s), "reading-collector-conn");
                    r.setDaemon(true);
                    r.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void read(Socket s) {
            try (s;
                    DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()))) {
                while (true) {
                    int length = 0;
                    int c;
                    while ((c = in.read()) != ' ') {
                        if (c < 0) {
                            return;
                        }
                        length = length * 10 + (c - '0');
                    }
                    byte[] m = new byte[length];
                    in.readFully(m);
                    messages.add(new String(m, StandardCharsets.UTF_8));
                }
            } catch (EOFException e) {
                // the client went away mid-message
            } catch (IOException e) {
                // closed
            }
        }

        int port() {
            return server.getLocalPort();
        }

        List<String> messages() {
            return new ArrayList<>(messages);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
