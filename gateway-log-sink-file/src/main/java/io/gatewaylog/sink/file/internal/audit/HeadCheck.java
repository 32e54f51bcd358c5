package io.gatewaylog.sink.file.internal.audit;

import io.gatewaylog.sink.file.audit.AuditVerifier.Kind;
import io.gatewaylog.sink.file.audit.AuditVerifier.Problem;
import io.gatewaylog.sink.file.internal.audit.TrailReader.Entry;
import java.nio.file.Path;
import java.util.List;

/** The last step of a verification: the chain head against the chain the walk found. */
final class HeadCheck {
    private HeadCheck() {}

    /**
     * What the walk found.
     *
     * @param started whether a sealed record was seen
     * @param lastSeq the last sealed seq walked
     * @param firstSeq the first sealed seq
     * @param previous the last entry walked
     * @param atHead the entry holding the head's seq, or null
     * @param headMatches whether its hash is the head's
     */
    record Walked(boolean started, long lastSeq, long firstSeq, Entry previous, Entry atHead, boolean headMatches) {}

    /** The head against the walked chain: records it vouches for must be there, with its hash. */
    static Problem check(
            ChainHead.Read head,
            Path headFile,
            byte[] key,
            List<TrailFile> files,
            Walked walked,
            List<String> warnings) {
        if (head == null) {
            return null;
        }
        if (head.found() == ChainHead.Found.INVALID) {
            return invalid(headFile, key);
        }
        if (head.found() == ChainHead.Found.MISSING) {
            return missing(walked.started(), headFile, key, warnings);
        }
        return valid(head.state(), headFile, files, walked, warnings);
    }

    /** A head that fails its check. */
    private static Problem invalid(Path headFile, byte[] key) {
        return new Problem(
                Kind.HEAD,
                headFile,
                1,
                0,
                "the chain head fails its check: damaged, forged, or written" + " with another key"
                        + (key == null
                                ? " (was the trail sealed with an HMAC key, --key-file?)"
                                : " (is the key right?)"));
    }

    /** A valid head {@code h}: the trail must reach its seq, start no later, and hold its record there. */
    private static Problem valid(
            ChainHead.State h, Path headFile, List<TrailFile> files, Walked walked, List<String> warnings) {
        if (!walked.started()) {
            warnings.add("the chain head vouches for records up to seq " + h.seq() + " but no sealed record is present"
                    + " (every file pruned by backups/retention, or deleted)");
            return null;
        }
        long firstSeq = walked.firstSeq();
        if (h.seq() > walked.lastSeq()) {
            return cutOffEnd(h, files, walked);
        }
        if (h.seq() < firstSeq) {
            return new Problem(
                    Kind.HEAD,
                    headFile,
                    1,
                    h.seq(),
                    "the chain head (seq " + h.seq() + ") is older than the" + " trail's first record (seq " + firstSeq
                            + "): an old copy put back?");
        }
        if (walked.atHead() != null && !walked.headMatches()) {
            return ChainWalk.problem(
                    Kind.EDITED,
                    walked.atHead(),
                    h.seq(),
                    "not the record the chain head recorded for seq " + h.seq()
                            + " (replaced, and the hashes after it recomputed?)");
        }
        if (h.since() > firstSeq) {
            warnings.add(
                    "the chain head was started at seq " + h.since() + ", after sealed records existed (the first start"
                            + " of a version that keeps one, or the head was deleted): records cut off the end before seq "
                            + h.since() + " could not be detected");
        }
        return null;
    }

    /** The head vouches for records past the trail's last: they were cut off the end. */
    private static Problem cutOffEnd(ChainHead.State h, List<TrailFile> files, Walked walked) {
        long last = walked.lastSeq();
        Entry previous = walked.previous();
        TrailFile lastFile = files.get(files.size() - 1);
        long lines = previous != null && previous.file() == lastFile ? previous.line() : 0;
        return new Problem(
                Kind.TRUNCATED,
                lastFile.path(),
                lines + 1,
                last + 1,
                "the chain head says seq " + h.seq()
                        + " was written, but the trail ends at seq " + last + ": records " + (last + 1) + ".."
                        + h.seq()
                        + " were cut off the end");
    }

    /** No head: a problem with a key (it cannot be forged, so removing it hides a truncation), else a warning. */
    private static Problem missing(boolean started, Path headFile, byte[] key, List<String> warnings) {
        if (!started) {
            return null;
        }
        String what = "there is no chain head (" + ChainHead.FILE + ") although the trail holds sealed records:"
                + " records cut off the end cannot be detected";
        if (key != null) {
            // With a key the head cannot be forged, so removing it is the way to hide a truncation.
            return new Problem(Kind.HEAD, headFile, 1, 0, what + " (deleted? --no-head verifies without it)");
        }
        warnings.add(what + "; without a key anyone able to write the files could rewrite a head anyway");
        return null;
    }
}
