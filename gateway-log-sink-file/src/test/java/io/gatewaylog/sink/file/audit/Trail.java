package io.gatewaylog.sink.file.audit;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.sink.file.internal.audit.AuditChain;
import io.gatewaylog.sink.file.internal.audit.ChainHead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds an auth directory the way the file sink does (sealed lines appended to current.log, rotated
 * by rename to an {@link ArchiveNames} name and gzip-compressed) by calling {@link AuditChain}
 * directly, and edits its files for the tampering tests.
 */
public final class Trail {
    public static final long T0 = 1_704_110_400_000L; // 2024-01-01T12:00:00Z

    public final Path dir;
    private final byte[] key;
    private AuditChain chain;
    private long nextArchive = 1;
    private int written;

    public Trail(Path root, byte[] key) throws IOException {
        this.dir = Files.createDirectories(root.resolve("auth"));
        this.key = key;
        this.chain = AuditChain.resume(dir, key);
    }

    public Path current() {
        return dir.resolve("current.log");
    }

    public static String line(int n) {
        return "{\"timestamp\":\"2024-01-01T12:00:00.000Z\",\"level\":\"INFO\",\"component\":\"auth\",\"logger\":\"login\","
                + "\"message\":\"login " + n + "\",\"action\":\"login\",\"outcome\":\"success\",\"actor\":\"user_" + n
                + "\"}";
    }

    /** Writes the chain head for the lines written so far, as the file sink does after each write. */
    public Trail head() throws IOException {
        try (ChainHead h = ChainHead.open(dir, key, 1, null, null)) {
            h.write(chain.nextSeq() - 1, java.util.HexFormat.of().parseHex(chain.lastHash()), true);
        }
        return this;
    }

    /** Appends {@code n} sealed lines to current.log. */
    public Trail write(int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            byte[] plain = line(++written).getBytes(StandardCharsets.UTF_8);
            out.write(chain.seal(plain, 0, plain.length));
            out.write('\n');
        }
        Files.write(current(), out.toByteArray(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return this;
    }

    /** Rotates current.log to the next archive name and compresses it (the source is then deleted). */
    public Path rotate() throws IOException {
        Path rotated = rotateUncompressed();
        Path gz = rotated.resolveSibling(rotated.getFileName() + ".gz");
        writeGzip(gz, Files.readAllBytes(rotated));
        Files.delete(rotated);
        return gz;
    }

    /** Rotates current.log by rename only (a rotated file the compressor has not reached yet). */
    public Path rotateUncompressed() throws IOException {
        long seq = nextArchive++;
        Path rotated = dir.resolve(ArchiveNames.rotated(LogComponent.AUTH, seq, T0 + seq * 1000));
        Files.move(current(), rotated, StandardCopyOption.ATOMIC_MOVE);
        Files.createFile(current());
        return rotated;
    }

    /** A new process: the chain resumes from the files. */
    public Trail restart() throws IOException {
        chain = AuditChain.resume(dir, key);
        return this;
    }

    public AuditChain chain() {
        return chain;
    }

    public int written() {
        return written;
    }

    public AuditVerifier.Result verify() throws IOException {
        return AuditVerifier.verify(dir, key);
    }

    /** Rotated files, oldest first. */
    public List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(
                            p -> ArchiveNames.parse(p.getFileName().toString()).isPresent())
                    .sorted(Comparator.comparingLong(p ->
                            ArchiveNames.parse(p.getFileName().toString()).get().sequence()))
                    .toList();
        }
    }

    /** A file's lines (decompressed), without their line breaks. */
    public static List<String> lines(Path file) throws IOException {
        String text = new String(content(file), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Rewrites a file (recompressing a .gz) with these lines, each ending in a line break. */
    public static void rewrite(Path file, List<String> lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        setContent(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] content(Path file) throws IOException {
        if (!file.toString().endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    public static void setContent(Path file, byte[] bytes) throws IOException {
        if (file.toString().endsWith(".gz")) {
            writeGzip(file, bytes);
        } else {
            Files.write(file, bytes);
        }
    }

    private static void writeGzip(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
    }
}
