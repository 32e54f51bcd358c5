package io.gatewaylog.sink.syslog.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The local syslog socket ({@code /dev/log}): a Unix domain datagram socket, which the JDK's
 * {@code UnixDomainSocketAddress} cannot reach (it supports stream sockets only), so libc is called
 * through JNA. Only this class touches JNA; without it on the class path the target is skipped.
 */
final class UnixDatagramTransport extends DatagramTransport {
    private static final int MAX_DATAGRAM = 65_507;

    private int fd;

    private UnixDatagramTransport(Target target, int fd, int maxMessageSize) {
        super(target, Math.min(maxMessageSize, MAX_DATAGRAM));
        this.fd = fd;
        // A datagram larger than the socket's send buffer fails with EMSGSIZE; 64KB fits every default.
    }

    /** Opens a socket and connects it, which fails at once if nothing listens at the path. */
    static UnixDatagramTransport open(Target target, int maxMessageSize, long sendTimeoutMillis) throws IOException {
        if (!Platform.isLinux() && !Platform.isMac()) {
            throw new UnsupportedTargetException("unix sockets are supported on Linux and macOS only");
        }
        LibC libc = LibC.INSTANCE;
        int fd;
        try {
            fd = libc.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM, 0);
        } catch (LastErrorException e) {
            throw new IOException("socket(AF_UNIX, SOCK_DGRAM): " + e.getMessage(), e);
        }
        try {
            // A receiver that stops reading would block send() for ever: give up after write.timeout
            // instead. struct timeval is {seconds, microseconds}: two 64-bit fields on 64-bit Linux; on
            // macOS a 32-bit tv_usec plus padding, which a little-endian long fills the same way.
            long millis = Math.max(1, sendTimeoutMillis);
            byte[] timeval = ByteBuffer.allocate(16)
                    .order(ByteOrder.nativeOrder())
                    .putLong(millis / 1000)
                    .putLong((millis % 1000) * 1000)
                    .array();
            if (Platform.isLinux()) {
                libc.setsockopt(fd, 1 /* SOL_SOCKET */, 21 /* SO_SNDTIMEO */, timeval, timeval.length);
            } else {
                libc.setsockopt(fd, 0xffff, 0x1005, timeval, timeval.length);
            }
            byte[] address = address(target.path());
            libc.connect(fd, address, address.length);
        } catch (LastErrorException e) {
            closeQuietly(libc, fd);
            throw new IOException(strerror(e), e);
        }
        return new UnixDatagramTransport(target, fd, maxMessageSize);
    }

    /** A {@code struct sockaddr_un}: Linux has a 16-bit family; the BSDs a length byte and a family byte. */
    private static byte[] address(String path) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(2 + p.length + 1).order(ByteOrder.nativeOrder());
        if (Platform.isLinux()) {
            b.putShort((short) LibC.AF_UNIX);
        } else {
            b.put((byte) b.capacity()).put((byte) LibC.AF_UNIX);
        }
        b.put(p).put((byte) 0);
        return b.array();
    }

    @Override
    public void send(byte[] message) throws IOException {
        try {
            LibC.INSTANCE.send(fd, message, new NativeLong(message.length), 0);
        } catch (LastErrorException e) {
            throw new IOException(strerror(e), e);
        }
    }

    /** JNA's message without its "[errno] " prefix: "No such file or directory". */
    private static String strerror(LastErrorException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("[") && m.indexOf("] ") > 0 ? m.substring(m.indexOf("] ") + 2) : m;
    }

    @Override
    public void close() {
        if (fd >= 0) {
            closeQuietly(LibC.INSTANCE, fd);
            fd = -1;
        }
    }

    private static void closeQuietly(LibC libc, int fd) {
        try {
            libc.close(fd);
        } catch (LastErrorException ignored) {
            // The descriptor is gone either way.
        }
    }
}
