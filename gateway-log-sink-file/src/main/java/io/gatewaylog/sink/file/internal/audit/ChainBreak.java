package io.gatewaylog.sink.file.internal.audit;

import io.gatewaylog.sink.file.audit.AuditVerifier.Kind;
import io.gatewaylog.sink.file.audit.AuditVerifier.Problem;
import io.gatewaylog.sink.file.internal.audit.SealFormat.Seal;
import io.gatewaylog.sink.file.internal.audit.TrailReader.Entry;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Works out what happened at the first sealed line that does not follow the chain of a {@link ChainWalk}:
 * from the line itself, the next line and (once) a scan of the rest of the trail.
 */
final class ChainBreak {
    private final List<TrailFile> files;
    /** The seq the line should have had, and the hash its prev should have been. */
    private final long expSeq;

    private final byte[] lastHash;
    /** The last line walked before the break, or null. */
    private final Entry previous;

    ChainBreak(List<TrailFile> files, long expSeq, byte[] lastHash, Entry previous) {
        this.files = files;
        this.expSeq = expSeq;
        this.lastHash = lastHash;
        this.previous = previous;
    }

    /** The problem with sealed line {@code e} (seal {@code s}), which does not follow; {@code next} may be null. */
    Problem classify(Entry e, Seal s, Entry next) throws IOException {
        Seal ns = TrailReader.sealOf(next);
        boolean linksBack = Arrays.equals(s.prev(), lastHash);
        boolean nextLinks = ns != null && ns.seq() == expSeq && Arrays.equals(ns.prev(), lastHash);
        if (s.seq() == expSeq || linksBack) {
            return inPlace(e, s, linksBack, nextLinks);
        }
        if (s.seq() < expSeq) {
            return ChainWalk.problem(
                    Kind.INSERTED, e, s.seq(), "seq " + s.seq() + " was already used (after seq " + (expSeq - 1) + ")");
        }
        Ahead ahead = scanAhead(e, s.seq());
        if (nextLinks) {
            return ahead.repeated
                    ? ChainWalk.problem(Kind.INSERTED, e, s.seq(), "a copy of the later record seq " + s.seq())
                    : ChainWalk.problem(Kind.REORDERED, e, s.seq(), "seq " + s.seq() + " comes before seq " + expSeq);
        }
        if (ahead.expected != null) {
            return ChainWalk.problem(
                    Kind.REORDERED,
                    e,
                    s.seq(),
                    "seq " + expSeq + " belongs here but comes later, at "
                            + ahead.expected.file().path().getFileName() + " line " + ahead.expected.line());
        }
        return missing(e, s);
    }

    /** A line with the expected seq or linking back to the last hash: a forgery or an edit in place. */
    private Problem inPlace(Entry e, Seal s, boolean linksBack, boolean nextLinks) {
        if (s.seq() == expSeq && nextLinks) {
            return ChainWalk.problem(
                    Kind.INSERTED,
                    e,
                    s.seq(),
                    "a forged record: the next line continues the chain from seq " + (expSeq - 1));
        }
        return ChainWalk.problem(
                Kind.EDITED,
                e,
                s.seq(),
                s.seq() != expSeq
                        ? "seq " + s.seq() + " where " + expSeq
                                + " was expected, and the record does not match its hash"
                        : linksBack
                                ? "the record does not match its hash"
                                : "prev is not the hash of seq " + (expSeq - 1));
    }

    /** A line ahead of the expected seq, which comes nowhere later: the records between are gone. */
    private Problem missing(Entry e, Seal s) {
        String missing =
                expSeq == s.seq() - 1 ? "seq " + expSeq + " is" : "seq " + expSeq + ".." + (s.seq() - 1) + " are";
        if (e.line() == 1 && e.fileIndex() > 0) {
            TrailFile before = files.get(e.fileIndex() - 1);
            if (!e.file().isCurrent() && e.file().sequence() - before.sequence() > 1) {
                return ChainWalk.problem(
                        Kind.DELETED,
                        e,
                        s.seq(),
                        "rotated files of sequence " + (before.sequence() + 1) + ".."
                                + (e.file().sequence() - 1) + " are missing: records " + missing + " missing");
            }
            long lines = previous != null && previous.fileIndex() == e.fileIndex() - 1 ? previous.line() : 0;
            return new Problem(
                    Kind.TRUNCATED,
                    before.path(),
                    lines + 1,
                    expSeq,
                    "the file ends after seq " + (expSeq - 1) + " but the next file starts at seq " + s.seq()
                            + ": records " + missing + " missing");
        }
        return ChainWalk.problem(
                Kind.DELETED, e, s.seq(), "records " + missing + " missing (after seq " + (expSeq - 1) + ")");
    }

    private record Ahead(Entry expected, boolean repeated) {}

    /** Looks after {@code e} for the expected seq (a reordering) and for {@code e}'s seq again (a copy). */
    private Ahead scanAhead(Entry e, long seq) throws IOException {
        Entry expected = null;
        boolean repeated = false;
        try (TrailReader reader = new TrailReader(files)) {
            for (Entry x = reader.next(); x != null && (expected == null || !repeated); x = reader.next()) {
                Seal xs = x.after(e) ? TrailReader.sealOf(x) : null;
                if (xs != null && xs.seq() == expSeq && expected == null) {
                    expected = x;
                }
                repeated |= xs != null && xs.seq() == seq;
            }
        }
        return new Ahead(expected, repeated);
    }
}
