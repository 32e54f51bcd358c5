package io.gatewaylog.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The collector of {@link HungCollectorBenchmark}, on 127.0.0.1: reads and discards everything, or
 * (hung) accepts the connection, completes the TLS handshake, and never reads a byte.
 */
final class LocalCollector implements AutoCloseable {
    private final ServerSocket server;
    private final boolean hung;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    LocalCollector(boolean hung, SSLContext tls) throws IOException {
        this.hung = hung;
        this.server =
                tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::accept, "collector");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.add(s);
                if (s instanceof SSLSocket) {
                    ((SSLSocket) s).startHandshake();
                }
                if (!hung) {
                    Thread r = new Thread(() -> drain(s), "collector-reader");
                    r.setDaemon(true);
                    r.start();
                }
            } catch (IOException e) {
                // closed, or a client that went away during the handshake
            }
        }
    }

    private static void drain(Socket s) {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = s.getInputStream()) {
            while (in.read(buf) >= 0) {
                // discard: a healthy collector that keeps up
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
