package io.gatewaylog.sink.file.audit;

import io.gatewaylog.sink.file.internal.audit.AuditChain;
import io.gatewaylog.sink.file.internal.audit.ChainHead;
import io.gatewaylog.sink.file.internal.audit.ChainWalk;
import io.gatewaylog.sink.file.internal.audit.TrailFile;
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
 *     --dir /var/log/gateway/auth [--key-file /etc/gateway/audit.key] [--expect-seq N] [--no-head]
 * </pre>
 * The chain head ({@code .audit-head}, kept by the file sink) is checked too: records it vouches for that
 * are missing from the end are {@link Kind#TRUNCATED}; a missing or forged head is {@link Kind#HEAD}
 * ({@code --no-head} skips it, e.g. for a copy of the archives without the head).
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

    private static final String USAGE =
            "usage: java -cp <gateway-log-sink-file and gateway-log-api jars> " + AuditVerifier.class.getName()
                    + " --dir <log root>/auth [--key-file <HMAC key file>] [--expect-seq <n>] [--no-head]";

    private AuditVerifier() {}

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
        /**
         * The directory has lines but none is sealed: nothing can be verified; or, with a key, lines
         * without a seal come before the chain (anyone could have added them).
         */
        UNSEALED,
        /**
         * The chain head ({@code .audit-head}) is missing while sealed records exist, fails its check
         * (forged, damaged, another key), or is older than the trail: the end of the trail is unanchored.
         */
        HEAD
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
     * @param headSeq the seq the chain head vouches for; 0 if there is none or it was not checked
     * @param warnings what an auditor should know although nothing was found wrong (e.g. the head was
     *        created after sealed records existed: a truncation before then cannot be ruled out)
     */
    public record Result(
            long records,
            long firstSeq,
            long lastSeq,
            String lastHash,
            long unsealedLines,
            int files,
            Problem problem,
            long headSeq,
            List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }

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
            StringBuilder b = new StringBuilder();
            if (problem != null) {
                b.append("TAMPERED: ").append(problem);
            } else if (records == 0) {
                b.append("INTACT: no records (").append(files).append(" files)");
            } else {
                b.append("INTACT: ")
                        .append(records)
                        .append(" sealed records, seq ")
                        .append(firstSeq)
                        .append("..")
                        .append(lastSeq)
                        .append(", in ")
                        .append(files)
                        .append(" files; last hash ")
                        .append(lastHash)
                        .append(headSeq > 0 ? "; chain head at seq " + headSeq : "");
                if (firstSeq > 1) {
                    b.append("\nnote: records before seq ")
                            .append(firstSeq)
                            .append(" are not present (pruned by retention)");
                }
                if (unsealedLines > 0) {
                    b.append("\nnote: ")
                            .append(unsealedLines)
                            .append(" lines before seq ")
                            .append(firstSeq)
                            .append(" are not sealed (written before sealing began?); without a key they cannot be told"
                                    + " from lines added later");
                }
            }
            for (String w : warnings) {
                b.append("\nwarning: ").append(w);
            }
            return b.toString();
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
        return verify(componentDir, hmacKeyOrNull, expectedLastSeq, true);
    }

    /**
     * As {@link #verify(Path, byte[], long)}; {@code checkHead} false skips the chain head (a copy of the
     * archives without {@code .audit-head}, or a trail written before the sink kept one).
     *
     * @throws IOException if the directory or a file cannot be read
     */
    public static Result verify(Path componentDir, byte[] hmacKeyOrNull, long expectedLastSeq, boolean checkHead)
            throws IOException {
        if (!Files.isDirectory(componentDir)) {
            throw new IOException(componentDir + " is not a directory");
        }
        List<TrailFile> files = TrailFile.list(componentDir);
        ChainHead.Read head = checkHead ? ChainHead.read(componentDir, hmacKeyOrNull) : null;
        return new ChainWalk(files, hmacKeyOrNull, expectedLastSeq, head, componentDir.resolve(ChainHead.FILE)).run();
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
        boolean checkHead = true;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dir" -> dir = Path.of(value(args, ++i));
                    case "--key-file" -> keyFile = Path.of(value(args, ++i));
                    case "--expect-seq" -> expectSeq = Long.parseLong(value(args, ++i));
                    case "--no-head" -> checkHead = false;
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
            Result result = verify(dir, key, expectSeq, checkHead);
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
