package io.gatewaylog.sink.file.internal.audit;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.Reporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Seals the lines of one component's files into a hash chain. A sealed line is the encoder's JSON
 * object with one more, last member:
 * <pre>{@code {"timestamp":...,"message":"login","actor":"u1",...,"audit":{"seq":7,"prev":"<hex>","hash":"<hex>"}}}</pre>
 * where {@code hash = SHA-256(prev || seq || content)} (or HMAC-SHA256 with a configured key),
 * {@code prev} is the previous line's {@code hash} as 32 bytes (32 zero bytes before the first line),
 * {@code seq} is 8 bytes big-endian (1 for the first line), and {@code content} is the exact UTF-8
 * bytes of the line up to the seal, i.e. the JSON object without its closing brace.
 *
 * <p>The file sink holds one chain per sealed component, created with
 * {@link #open(Path, byte[], Set, Reporter)} when it opens the directory,
 * so that the chain continues across rotations and restarts and its head ({@code .audit-head}) is kept.
 * Around each batch it calls {@link #mark()}, and {@link #reset(int)} with the number of records taken
 * when the batch could not be written whole, so that the retry of the rest gets the next sequence
 * numbers and no seal stays advanced for a line that is not in the file.
 *
 * <p>Not thread-safe: one writer at a time, which the file sink's per-component lock guarantees.
 */
public final class AuditChain {
    /** The {@code prev} of the first record: 64 zeros. */
    public static final String FIRST_PREV = "0".repeat(SealFormat.HEX_CHARS);
    /** Keys shorter than this are refused (HMAC-SHA256 keys should be at least 32 bytes). */
    public static final int MIN_KEY_BYTES = 16;

    private final ChainHash hash;
    private final ScratchBuffer scratch = new ScratchBuffer();
    private long nextSeq;
    private byte[] lastHash;
    private boolean marked;
    private long markSeq;
    private byte[] markHash;
    /** The hashes of the lines sealed since {@link #mark()}, so a reset can keep the first few. */
    private final List<byte[]> sinceMark = new ArrayList<>();
    /** Where the newest written seal is kept out of the truncation's reach; null for a chain without one. */
    private ChainHead head;

    private AuditChain(byte[] keyOrNull, long nextSeq, byte[] lastHash) {
        this.hash = new ChainHash(keyOrNull == null ? null : keyOrNull.clone());
        this.nextSeq = nextSeq;
        this.lastHash = lastHash;
    }

    /** A new chain: its first line gets seq 1 and {@link #FIRST_PREV}. */
    public static AuditChain start(byte[] hmacKeyOrNull) {
        return new AuditChain(checkKey(hmacKeyOrNull), 1, SealFormat.ZERO_HASH);
    }

    /**
     * Continues the chain of a component directory from its newest sealed line: the last complete
     * line of {@code current.log} (a partial last line, cut by a crash, is ignored), else the last of
     * the newest rotated file. A directory with no lines at all, or whose newest file holds no sealed
     * line (the trail was not sealed before), starts a new chain. Call it after start-up recovery and
     * before the first write.
     *
     * @throws IOException if the files cannot be read
     */
    public static AuditChain resume(Path componentDir, byte[] hmacKeyOrNull) throws IOException {
        checkKey(hmacKeyOrNull);
        SealFormat.Seal last = Files.isDirectory(componentDir) ? ChainTail.newestSeal(componentDir) : null;
        return last == null ? start(hmacKeyOrNull) : new AuditChain(hmacKeyOrNull, last.seq() + 1, last.hash());
    }

    /**
     * Opens the chain of the file sink's component directory: continues it like
     * {@link #resume(Path, byte[])}, and checks and keeps the chain head ({@code .audit-head}); what a
     * head that disagrees with the files means is described at {@link ChainOpening#open}.
     *
     * @param fileMode the head file's mode (the component's file mode), or null
     * @param report receives one message per finding
     * @throws IOException if the files cannot be read or the head cannot be written
     */
    public static AuditChain open(
            Path componentDir, byte[] hmacKeyOrNull, Set<PosixFilePermission> fileMode, Reporter report)
            throws IOException {
        checkKey(hmacKeyOrNull);
        return ChainOpening.open(componentDir, hmacKeyOrNull, fileMode, report);
    }

    /** A chain continuing after {@code lastHash}, keeping its head in {@code head} (by {@link ChainOpening}). */
    static AuditChain withHead(byte[] keyOrNull, long nextSeq, byte[] lastHash, ChainHead head) {
        AuditChain chain = new AuditChain(keyOrNull, nextSeq, lastHash);
        chain.head = head;
        return chain;
    }

    /**
     * Notes that {@code buf[0, end)} is now in the file, ending with a sealed line: its seal becomes
     * the chain head (fsync'ed when {@code sync}). A chain without a head ignores it.
     *
     * @throws IOException if the head cannot be written
     */
    public void written(byte[] buf, int end, boolean sync) throws IOException {
        if (head == null || end < 2 || buf[end - 1] != '\n') {
            return;
        }
        SealFormat.Seal s = SealFormat.parse(buf, end - 1);
        if (s != null) {
            head.write(s.seq(), s.hash(), sync);
        }
    }

    /** Closes the head file. */
    public void close() throws IOException {
        if (head != null) {
            head.close();
        }
    }

    /**
     * Reads an HMAC key file: its bytes, minus trailing line breaks (so that {@code openssl rand -hex 32
     * > key} works as well as raw bytes). The file should be readable by the gateway's user only.
     *
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if the key is shorter than {@link #MIN_KEY_BYTES}
     */
    public static byte[] readKey(Path keyFile) throws IOException {
        byte[] bytes = Files.readAllBytes(keyFile);
        int n = bytes.length;
        while (n > 0 && (bytes[n - 1] == '\n' || bytes[n - 1] == '\r')) {
            n--;
        }
        byte[] key = Arrays.copyOf(bytes, n);
        Arrays.fill(bytes, (byte) 0);
        return checkKey(key);
    }

    /**
     * Seals one JSON object line (without its {@code '\n'}) and returns the sealed line, also without
     * {@code '\n'}. Advances the chain.
     *
     * @throws IllegalArgumentException if the bytes are not a non-empty JSON object ({@code {...}})
     */
    public byte[] seal(byte[] line, int off, int len) {
        int contentLength = SealFormat.contentLength(line, off, len);
        byte[] suffix = advance(line, off, contentLength);
        byte[] sealed = Arrays.copyOfRange(line, off, off + contentLength + suffix.length);
        System.arraycopy(suffix, 0, sealed, contentLength, suffix.length);
        return sealed;
    }

    /**
     * Encodes {@code record} with {@code encoder}, seals the line and writes it, with its
     * {@code '\n'}, to {@code out}: the file sink's replacement for {@code encoder.encode(record, out)}.
     * If the encoder fails, the chain has not advanced.
     */
    public void encode(RecordEncoder encoder, LogRecord record, OutputStream out) throws IOException {
        scratch.reset();
        encoder.encode(record, scratch);
        byte[] buf = scratch.array();
        int len = scratch.size();
        if (len > 0 && buf[len - 1] == '\n') {
            len--;
        }
        int contentLength = SealFormat.contentLength(buf, 0, len);
        byte[] suffix = advance(buf, 0, contentLength);
        out.write(buf, 0, contentLength);
        out.write(suffix);
        out.write('\n');
    }

    /** The sequence number the next sealed line gets. */
    public long nextSeq() {
        return nextSeq;
    }

    /** The hash of the last sealed line (hex), or {@link #FIRST_PREV} before the first. */
    public String lastHash() {
        return SealFormat.hex(lastHash);
    }

    /** Remembers the chain's state, for {@link #reset()}: call it before a batch. */
    public void mark() {
        marked = true;
        markSeq = nextSeq;
        markHash = lastHash;
        sinceMark.clear();
    }

    /** Undoes every seal since {@link #mark()} (a batch that was not written at all). */
    public void reset() {
        reset(0);
    }

    /**
     * Undoes the seals since {@link #mark()} except the first {@code keep}: the records of the batch
     * that were taken (their whole lines reached a file, or the buffer). The mark stays, so a later reset
     * can undo less but never more.
     *
     * @throws IllegalStateException if {@link #mark()} was never called
     * @throws IllegalArgumentException if fewer than {@code keep} lines were sealed since the mark
     */
    public void reset(int keep) {
        if (!marked) {
            throw new IllegalStateException("reset() without mark()");
        }
        if (keep < 0 || keep > sinceMark.size()) {
            throw new IllegalArgumentException("keep " + keep + " of " + sinceMark.size() + " seals since mark()");
        }
        nextSeq = markSeq + keep;
        lastHash = keep == 0 ? markHash : sinceMark.get(keep - 1);
        sinceMark.subList(keep, sinceMark.size()).clear();
    }

    @Override
    public String toString() {
        return "AuditChain[nextSeq=" + nextSeq + ", lastHash=" + lastHash() + "]";
    }

    private byte[] advance(byte[] line, int off, int contentLength) {
        long seq = nextSeq;
        byte[] h = hash.hash(lastHash, seq, line, off, contentLength);
        byte[] suffix = SealFormat.suffix(seq, lastHash, h);
        nextSeq = seq + 1;
        lastHash = h;
        if (marked) {
            sinceMark.add(h);
        }
        return suffix;
    }

    private static byte[] checkKey(byte[] key) {
        if (key != null && key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the audit HMAC key has " + key.length + " bytes; at least "
                    + MIN_KEY_BYTES + " are required (32 random bytes recommended)");
        }
        return key;
    }
}
