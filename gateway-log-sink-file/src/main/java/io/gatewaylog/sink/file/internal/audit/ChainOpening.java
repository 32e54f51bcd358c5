package io.gatewaylog.sink.file.internal.audit;

import io.gatewaylog.api.spi.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/** Opening the file sink's chain: the files' newest seal reconciled with the chain head. */
final class ChainOpening {
    private ChainOpening() {}

    /**
     * Opens the chain of the file sink's component directory: continues it like
     * {@link AuditChain#resume(Path, byte[])}, and checks and keeps the chain head ({@code .audit-head}), the
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
    static AuditChain open(Path componentDir, byte[] hmacKeyOrNull, Set<PosixFilePermission> fileMode, Reporter report)
            throws IOException {
        SealFormat.Seal last = ChainTail.newestSeal(componentDir);
        ChainHead.Read read = ChainHead.read(componentDir, hmacKeyOrNull);
        long tailSeq = last == null ? 0 : last.seq();
        byte[] tailHash = last == null ? SealFormat.ZERO_HASH : last.hash();
        long nextSeq = tailSeq + 1;
        byte[] prev = tailHash;
        long since;
        if (read.found() == ChainHead.Found.VALID) {
            ChainHead.State h = read.state();
            since = h.since();
            if (headAhead(componentDir, h, tailSeq, tailHash, report)) {
                nextSeq = h.seq() + 1;
                prev = h.hash();
            }
        } else {
            since = nextSeq;
            noValidHead(componentDir, read.found(), tailSeq, since, report);
        }
        ChainHead head = ChainHead.open(
                componentDir,
                hmacKeyOrNull,
                since,
                nextSeq > 1 ? new ChainHead.State(nextSeq - 1, prev, since) : null,
                fileMode);
        return AuditChain.withHead(hmacKeyOrNull, nextSeq, prev, head);
    }

    /**
     * Whether the valid head {@code h} is past the files' tail (records cut off the end) or disagrees with
     * it (the record edited); reported, and the chain then continues from the head.
     */
    private static boolean headAhead(
            Path componentDir, ChainHead.State h, long tailSeq, byte[] tailHash, Reporter report) {
        if (h.seq() < tailSeq || h.seq() == tailSeq && Arrays.equals(h.hash(), tailHash)) {
            return false;
        }
        report.error(
                "audit trail " + componentDir + ": the chain head says seq " + h.seq() + " was written, but "
                        + (h.seq() > tailSeq
                                ? "the files end at seq " + tailSeq + ": records " + (tailSeq + 1) + ".." + h.seq()
                                        + " were cut off the end"
                                : "the record with that seq in the files is another one")
                        + "; the chain continues from the head (seq " + (h.seq() + 1)
                        + "), so the verifier reports the gap",
                new IllegalStateException("audit trail truncated or edited"));
        return true;
    }

    /** No valid head: an invalid one is moved aside; a new one starts at {@code since}, noted if records exist. */
    private static void noValidHead(Path componentDir, ChainHead.Found found, long tailSeq, long since, Reporter report)
            throws IOException {
        if (found == ChainHead.Found.INVALID) {
            Path headFile = componentDir.resolve(ChainHead.FILE);
            Path aside = componentDir.resolve(ChainHead.FILE + ".invalid-" + System.currentTimeMillis());
            Files.move(headFile, aside);
            report.error(
                    "audit trail " + componentDir + ": the chain head " + headFile + " fails its check (damaged,"
                            + " forged, or written with another key); moved aside to " + aside.getFileName(),
                    new IllegalStateException("invalid audit chain head"));
        }
        if (tailSeq > 0) {
            report.warn("audit trail " + componentDir + ": no valid chain head"
                    + (found == ChainHead.Found.MISSING
                            ? " (the first start of a version that keeps one, or it was deleted)"
                            : "")
                    + "; a new one starts at seq " + since + ": the verifier notes that a truncation before seq "
                    + since + " cannot be ruled out");
        }
    }
}
