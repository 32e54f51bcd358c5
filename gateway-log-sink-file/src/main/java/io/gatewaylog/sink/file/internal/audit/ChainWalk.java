package io.gatewaylog.sink.file.internal.audit;

import io.gatewaylog.sink.file.audit.AuditVerifier.Kind;
import io.gatewaylog.sink.file.audit.AuditVerifier.Problem;
import io.gatewaylog.sink.file.audit.AuditVerifier.Result;
import io.gatewaylog.sink.file.internal.audit.SealFormat.Seal;
import io.gatewaylog.sink.file.internal.audit.TrailReader.Entry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One verification: walks the trail once, checking each sealed line against the one before, and at
 * the first line that does not follow, works out what happened from the next line and (once) from a
 * scan of the rest of the trail.
 */
public final class ChainWalk {
    private final List<TrailFile> files;
    private final byte[] key;
    private final ChainHash hash;
    private final long expectedLastSeq;
    private boolean started;
    private long expSeq;
    private byte[] lastHash;
    private long sealed;
    private long unsealed;
    private long firstSeq;
    private Entry previous;
    private Entry firstUnsealed;
    /** The chain head as read, or null when not checked. */
    private final ChainHead.Read head;

    private final Path headFile;
    /** The entry holding the head's seq, once walked past; and whether its hash is the head's. */
    private Entry atHead;

    private boolean headMatches;

    public ChainWalk(
            List<TrailFile> files, byte[] keyOrNull, long expectedLastSeq, ChainHead.Read head, Path headFile) {
        this.files = files;
        this.key = keyOrNull;
        this.hash = new ChainHash(keyOrNull);
        this.expectedLastSeq = expectedLastSeq;
        this.head = head;
        this.headFile = headFile;
    }

    public Result run() throws IOException {
        Problem problem = null;
        try (TrailReader reader = new TrailReader(files)) {
            Entry e = reader.next();
            while (e != null && problem == null) {
                Entry next = reader.next();
                problem = check(e, next);
                previous = e;
                e = next;
            }
        }
        if (problem == null) {
            problem = atEnd();
        }
        List<String> warnings = new ArrayList<>();
        if (problem == null) {
            problem = HeadCheck.check(
                    head,
                    headFile,
                    key,
                    files,
                    new HeadCheck.Walked(started, expSeq - 1, firstSeq, previous, atHead, headMatches),
                    warnings);
        }
        long headSeq = head != null && head.found() == ChainHead.Found.VALID
                ? head.state().seq()
                : 0;
        return new Result(
                sealed,
                started ? firstSeq : 0,
                started ? expSeq - 1 : 0,
                SealFormat.hex(started ? lastHash : SealFormat.ZERO_HASH),
                unsealed,
                files.size(),
                problem,
                headSeq,
                warnings);
    }

    private Problem check(Entry e, Entry next) throws IOException {
        if (e.status() == TrailReader.Status.CUT) {
            return problem(Kind.TRUNCATED, e, 0, e.detail());
        }
        if (e.status() == TrailReader.Status.CORRUPT) {
            return problem(Kind.EDITED, e, 0, e.detail());
        }
        byte[] line = e.bytes();
        Seal s = SealFormat.parse(line, line.length);
        if (s == null || !e.terminated()) {
            return unsealedLine(e, s != null);
        }
        boolean selfOk = Arrays.equals(hash.hash(s.prev(), s.seq(), line, 0, s.contentLength()), s.hash());
        if (!started) {
            return first(e, s, selfOk, next);
        }
        if (s.seq() == expSeq && Arrays.equals(s.prev(), lastHash) && selfOk) {
            advance(e, s);
            return null;
        }
        return new ChainBreak(files, expSeq, lastHash, previous).classify(e, s, next);
    }

    /** A line without a (whole) seal: before the chain's start, a line written before sealing began. */
    private Problem unsealedLine(Entry e, boolean sealedButCut) {
        byte[] line = e.bytes();
        if (!e.terminated() && (started || sealedButCut)) {
            return problem(Kind.TRUNCATED, e, 0, "the file ends in the middle of a line: it was cut off");
        }
        if (SealFormat.looksSealed(line, line.length)) {
            return problem(Kind.EDITED, e, 0, "the audit member is malformed");
        }
        if (!started) {
            unsealed++;
            if (firstUnsealed == null) {
                firstUnsealed = e;
            }
            return null;
        }
        if (line.length == 0) {
            return problem(Kind.INSERTED, e, 0, "an empty line inside the chain");
        }
        if (line[line.length - 1] != '}') {
            return problem(Kind.TRUNCATED, e, 0, "a torn line (not a whole JSON object) inside the chain");
        }
        return problem(Kind.INSERTED, e, 0, "a line without a seal inside the chain (after seq " + (expSeq - 1) + ")");
    }

    /** The first sealed line: checks it can start the chain, and starts it. */
    private Problem first(Entry e, Seal s, boolean selfOk, Entry next) {
        Problem problem = selfOk ? startProblem(e, s) : firstUnmatched(e, s, next);
        if (problem != null) {
            return problem;
        }
        started = true;
        firstSeq = s.seq();
        advance(e, s);
        return null;
    }

    /** The first sealed line does not match its hash; if the next one fails too, the key is likely wrong. */
    private Problem firstUnmatched(Entry e, Seal s, Entry next) {
        Seal ns = TrailReader.sealOf(next);
        boolean nextFails = ns != null
                && !Arrays.equals(hash.hash(ns.prev(), ns.seq(), next.bytes(), 0, ns.contentLength()), ns.hash());
        return problem(
                Kind.EDITED,
                e,
                s.seq(),
                "the record does not match its hash"
                        + (nextFails
                                ? "; neither does the next one: "
                                        + (key == null
                                                ? "was the trail sealed with an HMAC key (--key-file)?"
                                                : "is the key right?")
                                : ""));
    }

    /** Why the chain cannot start at {@code e}, given the unsealed lines before it; null if it can. */
    private Problem startProblem(Entry e, Seal s) {
        if (s.seq() == 1 && !Arrays.equals(s.prev(), SealFormat.ZERO_HASH)) {
            return problem(Kind.EDITED, e, s.seq(), "seq 1 must have prev " + AuditChain.FIRST_PREV);
        }
        if (unsealed > 0 && key != null) {
            return new Problem(
                    Kind.UNSEALED,
                    firstUnsealed.file().path(),
                    firstUnsealed.line(),
                    0,
                    unsealed
                            + " lines without a seal come before the chain (seq " + s.seq()
                            + "): with an HMAC key anyone able to"
                            + " write the files could have added them, so they are not accepted as lines from before sealing"
                            + " began (move them aside if they are)");
        }
        if (s.seq() > 1 && unsealed > 0) {
            return problem(
                    Kind.DELETED,
                    e,
                    s.seq(),
                    "the chain starts at seq " + s.seq() + " right after " + unsealed
                            + " unsealed lines: records seq 1.." + (s.seq() - 1) + " are missing");
        }
        if (s.seq() > 1 && e.line() == 1 && e.fileIndex() == 0 && e.file().sequence() == 1) {
            return problem(
                    Kind.DELETED,
                    e,
                    s.seq(),
                    "the first rotated file (sequence 1) is present, so nothing"
                            + " was pruned, but the chain starts at seq " + s.seq());
        }
        return null;
    }

    private Problem atEnd() {
        if (!started) {
            return unsealed == 0
                    ? null
                    : new Problem(
                            Kind.UNSEALED,
                            files.get(0).path(),
                            1,
                            0,
                            unsealed
                                    + " lines and none sealed: the audit trail was not enabled, or every seal was removed");
        }
        if (expectedLastSeq > expSeq - 1) {
            TrailFile last = files.get(files.size() - 1);
            long lines = previous != null && previous.file() == last ? previous.line() : 0;
            return new Problem(
                    Kind.TRUNCATED,
                    last.path(),
                    lines + 1,
                    expSeq,
                    "the chain ends at seq " + (expSeq - 1) + " but seq " + expectedLastSeq + " was expected");
        }
        return null;
    }

    private void advance(Entry e, Seal s) {
        if (head != null
                && head.found() == ChainHead.Found.VALID
                && s.seq() == head.state().seq()) {
            headMatches = Arrays.equals(s.hash(), head.state().hash());
            atHead = e;
        }
        sealed++;
        expSeq = s.seq() + 1;
        lastHash = s.hash();
    }

    static Problem problem(Kind kind, Entry e, long seq, String detail) {
        return new Problem(kind, e.file().path(), e.line(), seq, detail);
    }
}
