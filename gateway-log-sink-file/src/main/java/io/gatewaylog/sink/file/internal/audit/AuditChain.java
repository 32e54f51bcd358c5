package io.gatewaylog.sink.file.internal.audit;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.api.spi.Reporter;
import java.io.ByteArrayOutputStream;
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
 *
 * @since 1.0
 */
public final class AuditChain {
    /** The {@code prev} of the first record: 64 zeros. */
    public static final String FIRST_PREV = "0".repeat(SealFormat.HEX_CHARS);
    /** Keys shorter than this are refused (HMAC-SHA256 keys should be at least 32 bytes). */
    public static final int MIN_KEY_BYTES = 16;

    private final ChainHash hash;
    private final Scratch scratch = new Scratch();
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
     * {@link #resume(Path, byte[])}, and checks and keeps the chain head ({@code .audit-head}), the
     * seal of the newest line written, which cutting records off the end of the trail does not reach.
     * <ul>
     *   <li>files ending at the head's seq (or later: a crash came between a write and the head's
     *       update): normal, the chain continues from the files;</li>
     *   <li>files ending before the head's seq, or with another record at it: the newest records were cut
     *       off (or replaced). Reported, and the chain continues <em>from the head</em>, so that the gap
     *       stays in the trail for the verifier to report, whatever the head file becomes later;</li>
     *   <li>no head (the first start of a version that keeps one, or deleted) or one whose check fails
     *       (damaged, forged, another key; moved aside as {@code .audit-head.invalid-<millis>}): reported;
     *       a new head is started whose {@code since} is the next seq, which the verifier reports.</li>
     * </ul>
     *
     * @param fileMode the head file's mode (the component's file mode), or null
     * @param report receives one message per finding ({@code warn}: head created; {@code error}: records missing, head invalid)
     * @throws IOException if the files cannot be read or the head cannot be written
     */
    public static AuditChain open(Path componentDir, byte[] hmacKeyOrNull,
                                  Set<PosixFilePermission> fileMode, Reporter report) throws IOException {
        checkKey(hmacKeyOrNull);
        SealFormat.Seal last = ChainTail.newestSeal(componentDir);
        ChainHead.Read read = ChainHead.read(componentDir, hmacKeyOrNull);
        Path headFile = componentDir.resolve(ChainHead.FILE);
        long tailSeq = last == null ? 0 : last.seq();
        byte[] tailHash = last == null ? SealFormat.ZERO_HASH : last.hash();
        long nextSeq = tailSeq + 1;
        byte[] prev = tailHash;
        long since;
        if (read.found() == ChainHead.Found.VALID) {
            ChainHead.State h = read.state();
            since = h.since();
            if (h.seq() > tailSeq || h.seq() == tailSeq && !Arrays.equals(h.hash(), tailHash)) {
                report.error("audit trail " + componentDir + ": the chain head says seq " + h.seq() + " was written, but "
                        + (h.seq() > tailSeq ? "the files end at seq " + tailSeq + ": records " + (tailSeq + 1) + ".." + h.seq()
                            + " were cut off the end" : "the record with that seq in the files is another one")
                        + "; the chain continues from the head (seq " + (h.seq() + 1) + "), so the verifier reports the gap",
                        new IllegalStateException("audit trail truncated or edited"));
                nextSeq = h.seq() + 1;
                prev = h.hash();
            }
        } else {
            if (read.found() == ChainHead.Found.INVALID) {
                Path aside = componentDir.resolve(ChainHead.FILE + ".invalid-" + System.currentTimeMillis());
                Files.move(headFile, aside);
                report.error("audit trail " + componentDir + ": the chain head " + headFile + " fails its check (damaged,"
                        + " forged, or written with another key); moved aside to " + aside.getFileName(),
                        new IllegalStateException("invalid audit chain head"));
            }
            since = nextSeq;
            if (tailSeq > 0) {
                report.warn("audit trail " + componentDir + ": no valid chain head" + (read.found() == ChainHead.Found.MISSING
                        ? " (the first start of a version that keeps one, or it was deleted)" : "")
                        + "; a new one starts at seq " + since + ": the verifier notes that a truncation before seq "
                        + since + " cannot be ruled out");
            }
        }
        AuditChain chain = new AuditChain(hmacKeyOrNull, nextSeq, prev);
        chain.head = ChainHead.open(componentDir, hmacKeyOrNull, since,
                nextSeq > 1 ? new ChainHead.State(nextSeq - 1, prev, since) : null, fileMode);
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
        int contentLength = contentLength(line, off, len);
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
        int contentLength = contentLength(buf, 0, len);
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

    private static int contentLength(byte[] line, int off, int len) {
        if (len < 3 || line[off] != '{' || line[off + len - 1] != '}') {
            throw new IllegalArgumentException("not a non-empty JSON object line: "
                    + new String(line, off, Math.min(len, 80), java.nio.charset.StandardCharsets.UTF_8));
        }
        return len - 1;
    }

    private static byte[] checkKey(byte[] key) {
        if (key != null && key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the audit HMAC key has " + key.length + " bytes; at least "
                    + MIN_KEY_BYTES + " are required (32 random bytes recommended)");
        }
        return key;
    }

    /** A ByteArrayOutputStream whose array can be read without a copy. */
    private static final class Scratch extends ByteArrayOutputStream {
        Scratch() {
            super(512);
        }

        byte[] array() {
            return buf;
        }
    }
}
