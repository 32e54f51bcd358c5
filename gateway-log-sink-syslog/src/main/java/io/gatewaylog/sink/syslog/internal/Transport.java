package io.gatewaylog.sink.syslog.internal;

import java.io.Closeable;
import java.io.IOException;

/** An open connection to one {@link Target}. Used by the sender thread only. */
interface Transport extends Closeable {

    Target target();

    /**
     * The largest message this transport carries, in bytes, framing excluded. Longer messages are
     * truncated by the formatter before they get here.
     */
    int maxMessageSize();

    /** Whether CR and LF inside a message must be escaped, because the framing ends a record at LF. */
    boolean needsNewlineEscaping();

    /**
     * Whether one failed {@link #send} may have lost earlier messages as well: true for streams, where
     * a write only reaches the kernel's buffer; so a stream transport sends a batch, then {@link #flush}.
     */
    boolean isStream();

    /**
     * Checks, without blocking for more than a moment, that the peer has not closed the connection.
     * Writing to a TCP connection the server already closed succeeds once and loses the data (the
     * reply is a reset), so streams are checked before each batch.
     */
    void checkOpen() throws IOException;

    /**
     * Checks, after the first message on a new transport, that it reached a listener, where only that
     * can tell: a UDP send to a local port where nothing listens succeeds, and the refusal (ICMP port
     * unreachable) only surfaces afterwards. Throws if nothing listens.
     */
    void verify() throws IOException;

    /** Sends (streams: buffers) one message. */
    void send(byte[] message) throws IOException;

    /** Pushes buffered messages to the network. */
    void flush() throws IOException;

    @Override
    void close();
}
