package io.gatewaylog.sink.file.internal.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream line by line as raw bytes: the hash covers the exact bytes written, so nothing may be
 * decoded or normalised on the way. Knows whether the last line ended with {@code '\n'}.
 */
final class LineReader {
    private final InputStream in;
    private final byte[] chunk = new byte[64 * 1024];
    private int pos;
    private int limit;
    private byte[] line = new byte[512];
    private int length;
    private boolean terminated;
    private long number;

    LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next line into {@link #bytes()}; false at the end of the stream. On an exception the
     * bytes read so far of the line stay in {@link #bytes()} and {@link #number()} is the line's number.
     */
    boolean next() throws IOException {
        length = 0;
        terminated = false;
        number++;
        while (true) {
            if (pos == limit) {
                int n = in.read(chunk);
                if (n < 0) {
                    if (length == 0) {
                        number--;
                        return false;
                    }
                    return true;
                }
                pos = 0;
                limit = n;
            }
            int start = pos;
            while (pos < limit && chunk[pos] != '\n') {
                pos++;
            }
            append(start, pos - start);
            if (pos < limit) {
                pos++;
                terminated = true;
                return true;
            }
        }
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    boolean terminated() {
        return terminated;
    }

    /** The current line's number, from 1. */
    long number() {
        return number;
    }

    private void append(int from, int n) {
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(chunk, from, line, length, n);
        length += n;
    }
}
