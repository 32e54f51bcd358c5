package io.gatewaylog.benchmarks;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * The ceiling: what a competent engineer writes by hand when all they need is the benchmark's record as
 * gateway-log's JSON line (same keys, same order, same timestamp format) in a file that rolls by size.
 * The caller formats the line into one reusable byte buffer and writes it into a 64 KB buffered stream,
 * all under one lock; at the rotation size the file is closed and renamed ({@code api.log.N}), no gzip.
 * No queue, no background thread, no sanitization: nothing gateway-log does beyond writing the line.
 */
final class HandwrittenContender implements Contender {
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Path dir;
    private final Path current;
    private final long rotationBytes;
    private final byte[] processPart;
    private OutputStream out;
    private long written;
    private int rolled;
    private byte[] line = new byte[512];
    private int length;
    /** The timestamp up to the seconds, formatted once per second: the milliseconds are appended per line. */
    private long cachedSecond = Long.MIN_VALUE;

    private byte[] cachedPrefix = new byte[0];

    private HandwrittenContender(Path dir, long rotationBytes) throws IOException {
        this.dir = dir;
        this.current = dir.resolve("current.log");
        this.rotationBytes = rotationBytes;
        this.processPart = (",\"process\":{\"name\":\"gateway\",\"id\":"
                        + ProcessHandle.current().pid() + "},\"thread\":{\"name\":\"")
                .getBytes(StandardCharsets.US_ASCII);
        this.out = open();
    }

    static HandwrittenContender start(Path dir, String rotationSize) {
        try {
            return new HandwrittenContender(dir, parseSize(rotationSize));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 100MB}, {@code 64KB}, {@code 1GB} or plain bytes. */
    static long parseSize(String size) {
        String s = size.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("KB")) {
            unit = 1024;
        } else if (s.endsWith("MB")) {
            unit = 1024 * 1024;
        } else if (s.endsWith("GB")) {
            unit = 1024L * 1024 * 1024;
        }
        String digits = unit == 1 ? s : s.substring(0, s.length() - 2);
        return Long.parseLong(digits.trim()) * unit;
    }

    private OutputStream open() throws IOException {
        return new BufferedOutputStream(new FileOutputStream(current.toFile(), true), 1 << 16);
    }

    @Override
    public synchronized void log(String requestId) {
        long now = System.currentTimeMillis();
        Thread thread = Thread.currentThread();
        length = 0;
        ascii("{\"timestamp\":\"");
        timestamp(now);
        ascii("Z\",\"level\":\"INFO\",\"component\":\"api\",\"logger\":\"bench\",\"message\":\"");
        escaped(MESSAGE);
        ascii("\",\"customer_id\":\"");
        escaped(CUSTOMER);
        ascii("\",\"request_id\":\"");
        escaped(requestId);
        ascii("\",\"endpoint\":\"");
        escaped(ENDPOINT);
        ascii("\",\"batch_size\":");
        number(BATCH_SIZE);
        bytes(processPart, processPart.length);
        escaped(thread.getName());
        ascii("\",\"id\":");
        number(thread.getId());
        ascii("}}\n");
        try {
            out.write(line, 0, length);
            written += length;
            if (written >= rotationBytes) {
                roll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void roll() throws IOException {
        out.close();
        Files.move(current, dir.resolve("api.log." + ++rolled));
        out = open();
        written = 0;
    }

    @Override
    public synchronized void shutdown() {
        try {
            out.flush();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void timestamp(long millis) {
        long second = Math.floorDiv(millis, 1000);
        if (second != cachedSecond) {
            cachedSecond = second;
            cachedPrefix = SECOND.format(Instant.ofEpochSecond(second)).getBytes(StandardCharsets.US_ASCII);
        }
        bytes(cachedPrefix, cachedPrefix.length);
        int ms = Math.floorMod(millis, 1000);
        room(3);
        line[length++] = (byte) ('0' + ms / 100);
        line[length++] = (byte) ('0' + ms / 10 % 10);
        line[length++] = (byte) ('0' + ms % 10);
    }

    /** A constant of this class: plain ASCII, nothing to escape. */
    private void ascii(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            line[length++] = (byte) s.charAt(i);
        }
    }

    private void bytes(byte[] b, int n) {
        room(n);
        System.arraycopy(b, 0, line, length, n);
        length += n;
    }

    /** A non-negative number's decimal digits, without a String per call. */
    private void number(long v) {
        room(20);
        int digits = 1;
        for (long rest = v / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = length + digits - 1; i >= length; i--) {
            line[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        length += digits;
    }

    /** A JSON string's content in UTF-8: quote, backslash and control characters escaped. */
    private void escaped(String s) {
        int n = s.length();
        // at most 6 bytes per char (a \\u escape); UTF-8 needs at most 3 per char, 4 per surrogate pair
        room(6 * n);
        byte[] b = line;
        int k = length;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                b[k++] = (byte) c;
            } else if (c == '"' || c == '\\') {
                b[k++] = '\\';
                b[k++] = (byte) c;
            } else if (c < 0x20) {
                k = control(b, k, c);
            } else if (c < 0x800) {
                b[k++] = (byte) (0xC0 | c >> 6);
                b[k++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[k++] = (byte) (0xF0 | cp >> 18);
                b[k++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[k++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[k++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                // a lone surrogate has no UTF-8 form; its \\u escape keeps the JSON valid and lossless
                k = unicodeEscape(b, k, c);
            } else {
                b[k++] = (byte) (0xE0 | c >> 12);
                b[k++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[k++] = (byte) (0x80 | c & 0x3F);
            }
        }
        length = k;
    }

    private static int control(byte[] b, int k, char c) {
        char shortForm = switch (c) {
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case '\b' -> 'b';
            case '\f' -> 'f';
            default -> 0;
        };
        if (shortForm == 0) {
            return unicodeEscape(b, k, c);
        }
        b[k++] = '\\';
        b[k++] = (byte) shortForm;
        return k;
    }

    private static int unicodeEscape(byte[] b, int k, char c) {
        b[k++] = '\\';
        b[k++] = 'u';
        b[k++] = HEX[c >> 12 & 0xF];
        b[k++] = HEX[c >> 8 & 0xF];
        b[k++] = HEX[c >> 4 & 0xF];
        b[k++] = HEX[c & 0xF];
        return k;
    }

    private void room(int n) {
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
    }
}
