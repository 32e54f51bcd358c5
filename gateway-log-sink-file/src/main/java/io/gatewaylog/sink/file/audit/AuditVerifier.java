package io.gatewaylog.sink.file.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks a component directory's audit trail (rotated files, compressed or not, in sequence order,
 * then {@code current.log}) and reports that the chain is intact, or the first record that was
 * edited, deleted, inserted, reordered or truncated, with its file and line. From the command line:
 * <pre>
 * java -cp gateway-log-sink-file.jar:gateway-log-api.jar io.gatewaylog.sink.file.audit.AuditVerifier \
 *     --dir /var/log/gateway/auth [--key-file /etc/gateway/audit.key] [--expect-seq N]
 * </pre>
 * Exit status 0: intact; 1: tampered (the first problem is printed); 2: wrong usage or an I/O error.
 *
 * @since 1.0
 */
public final class AuditVerifier {
    /** Exit status: the chain is intact. */
    public static final int INTACT = 0;
    /** Exit status: the chain was tampered with. */
    public static final int TAMPERED = 1;
    /** Exit status: wrong usage, or the files could not be read. */
    public static final int ERROR = 2;

    private static final String USAGE = "usage: java -cp <gateway-log-sink-file and gateway-log-api jars> "
            + AuditVerifier.class.getName() + " --dir <log root>/auth [--key-file <HMAC key file>] [--expect-seq <n>]";

    private AuditVerifier() {
    }

    /** What went wrong first. */
    public enum Kind {
        /** A record's bytes do not match its hash (content, seq, prev or hash changed), or an archive is damaged. */
        EDITED,
        /** Records are missing from the middle of the chain (a seq gap, a missing rotated file). */
        DELETED,
        /** A line that does not belong: no seal, a seq already used, or a forged record. */
        INSERTED,
        /** Every record is there, but not in chain order. */
        REORDERED,
        /** The chain ends early: a file cut off mid-line, or ending before records the next file (or {@code --expect-seq}) says existed. */
        TRUNCATED,
        /** The directory has lines but none is sealed: nothing can be verified. */
        UNSEALED
    }

    /**
     * The first problem found.
     *
     * @param kind what happened
     * @param file the file it is in
     * @param line the line number in the file, from 1 (for a truncation: the first line that is missing)
     * @param seq the record's seq, when it has one, else 0
     * @param detail an explanation for the operator
     */
    public record Problem(Kind kind, Path file, long line, long seq, String detail) {
        @Override
        public String toString() {
            return kind + " at " + file + " line " + line + (seq > 0 ? " (seq " + seq + ")" : "") + ": " + detail;
        }
    }

    /**
     * A verification's outcome.
     *
     * @param records sealed records verified before the problem (all of them if intact)
     * @param firstSeq the first sealed record's seq (above 1 when the oldest files were pruned); 0 if none
     * @param lastSeq the last verified record's seq; 0 if none
     * @param lastHash the last verified record's hash (hex): note it to detect a later truncation
     * @param unsealedLines lines before the chain's start that carry no seal (written before sealing began)
     * @param files the number of files read
     * @param problem the first problem, or null if the chain is intact
     */
    public record Result(long records, long firstSeq, long lastSeq, String lastHash, long unsealedLines, int files,
                         Problem problem) {
        /** Whether no problem was found. */
        public boolean intact() {
            return problem == null;
        }

        /** The first problem, if any. */
        public Optional<Problem> firstProblem() {
            return Optional.ofNullable(problem);
        }

        @Override
        public String toString() {
            if (problem != null) {
                return "TAMPERED: " + problem;
            }
            if (records == 0) {
                return "INTACT: no records (" + files + " files)";
            }
            return "INTACT: " + records + " sealed records, seq " + firstSeq + ".." + lastSeq + ", in " + files
                    + " files; last hash " + lastHash
                    + (firstSeq > 1 ? "\nnote: records before seq " + firstSeq + " are not present (pruned by retention)" : "")
                    + (unsealedLines > 0 ? "\nnote: " + unsealedLines + " lines before seq " + firstSeq
                        + " are not sealed (written before sealing began)" : "");
        }
    }

    /**
     * Verifies a component directory.
     *
     * @param componentDir e.g. {@code /var/log/gateway/auth}
     * @param hmacKeyOrNull the key the trail was sealed with, or null for plain SHA-256
     * @throws IOException if the directory or a file cannot be read
     */
    public static Result verify(Path componentDir, byte[] hmacKeyOrNull) throws IOException {
        return verify(componentDir, hmacKeyOrNull, 0);
    }

    /**
     * Verifies a component directory, and that the chain reaches at least {@code expectedLastSeq}: a
     * hash chain cannot show by itself that its newest records were cut off at a line boundary, so an
     * operator who noted a seq (or a monitoring system that did) passes it here.
     *
     * @throws IOException if the directory or a file cannot be read
     */
    public static Result verify(Path componentDir, byte[] hmacKeyOrNull, long expectedLastSeq) throws IOException {
        if (!Files.isDirectory(componentDir)) {
            throw new IOException(componentDir + " is not a directory");
        }
        List<TrailFile> files = TrailFile.list(componentDir);
        return new ChainWalk(files, hmacKeyOrNull, expectedLastSeq).run();
    }

    /** The command line; exits with {@link #INTACT}, {@link #TAMPERED} or {@link #ERROR}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line without exiting: returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = null;
        Path keyFile = null;
        long expectSeq = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dir" -> dir = Path.of(value(args, ++i));
                    case "--key-file" -> keyFile = Path.of(value(args, ++i));
                    case "--expect-seq" -> expectSeq = Long.parseLong(value(args, ++i));
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return INTACT;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("--dir is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return ERROR;
        }
        try {
            byte[] key = keyFile == null ? null : AuditChain.readKey(keyFile);
            Result result = verify(dir, key, expectSeq);
            out.println(result);
            return result.intact() ? INTACT : TAMPERED;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e);
            return ERROR;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
