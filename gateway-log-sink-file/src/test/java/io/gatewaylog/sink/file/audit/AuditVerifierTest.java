package io.gatewaylog.sink.file.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.sink.file.audit.AuditVerifier.Kind;
import io.gatewaylog.sink.file.audit.AuditVerifier.Problem;
import io.gatewaylog.sink.file.audit.AuditVerifier.Result;
import io.gatewaylog.sink.file.internal.audit.AuditChain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier on real directories: three gzip archives (seq 1-10, 11-20, 21-30, with a restart in
 * the middle of the second) and current.log (31-37), intact and after each kind of tampering.
 */
class AuditVerifierTest {
    @TempDir
    Path root;

    private Trail trail;
    private List<Path> archives;

    @BeforeEach
    void build() throws IOException {
        trail = new Trail(root, null);
        trail.write(10).rotate();
        trail.write(5).restart().write(5).rotate();
        trail.write(10).rotate();
        trail.write(7);
        archives = trail.archives();
        assertThat(archives).hasSize(3);
    }

    @Test
    void intactAcrossRotationsAndARestart() throws IOException {
        Result r = trail.verify();

        assertThat(r.intact()).as("%s", r).isTrue();
        assertThat(r.records()).isEqualTo(37);
        assertThat(r.firstSeq()).isEqualTo(1);
        assertThat(r.lastSeq()).isEqualTo(37);
        assertThat(r.files()).isEqualTo(4);
        assertThat(r.lastHash()).isEqualTo(trail.chain().lastHash());
    }

    @Test
    void intactAfterAnotherRestartOnAnEmptyCurrentLog() throws IOException {
        trail.rotate();
        trail.restart().write(3);

        Result r = trail.verify();

        assertThat(r.intact()).as("%s", r).isTrue();
        assertThat(r.lastSeq()).isEqualTo(40);
    }

    @Test
    void intactWhileARotatedFileWaitsForCompression() throws IOException {
        Path rotated = trail.rotateUncompressed();
        trail.write(2);
        // The compressor renamed its archive but has not deleted the source yet: both are present.
        Files.write(rotated.resolveSibling(rotated.getFileName() + ".gz"), new byte[] {1, 2, 3});

        Result r = trail.verify();

        assertThat(r.intact()).as("%s", r).isTrue();
        assertThat(r.records()).isEqualTo(39);
    }

    @Test
    void intactWhenRetentionRemovedTheOldestArchive() throws IOException {
        Files.delete(archives.get(0));

        Result r = trail.verify();

        assertThat(r.intact()).as("%s", r).isTrue();
        assertThat(r.firstSeq()).isEqualTo(11);
        assertThat(r.toString()).contains("records before seq 11 are not present");
    }

    @Test
    void oneEditedByteOfContent() throws IOException {
        Path file = archives.get(1);
        List<String> lines = Trail.lines(file);
        lines.set(3, lines.get(3).replace("\"login 14\"", "\"login 19\""));
        Trail.rewrite(file, lines);

        assertProblem(Kind.EDITED, file, 4, 14);
    }

    @Test
    void editedSeqNumber() throws IOException {
        List<String> lines = Trail.lines(trail.current());
        lines.set(2, lines.get(2).replace("\"seq\":33,", "\"seq\":34,"));
        Trail.rewrite(trail.current(), lines);

        assertProblem(Kind.EDITED, trail.current(), 3, 34);
    }

    @Test
    void editedHash() throws IOException {
        List<String> lines = Trail.lines(trail.current());
        String l = lines.get(4);
        int h = l.indexOf("\"hash\":\"") + 8;
        lines.set(4, l.substring(0, h) + (l.charAt(h) == '0' ? '1' : '0') + l.substring(h + 1));
        Trail.rewrite(trail.current(), lines);

        assertProblem(Kind.EDITED, trail.current(), 5, 35);
    }

    @Test
    void deletedLine() throws IOException {
        List<String> lines = Trail.lines(trail.current());
        lines.remove(2); // seq 33
        Trail.rewrite(trail.current(), lines);

        Problem p = assertProblem(Kind.DELETED, trail.current(), 3, 34);
        assertThat(p.detail()).contains("seq 33 is missing");
    }

    @Test
    void deletedLinesInAnArchive() throws IOException {
        Path file = archives.get(0);
        List<String> lines = Trail.lines(file);
        lines.subList(4, 7).clear(); // seq 5..7
        Trail.rewrite(file, lines);

        Problem p = assertProblem(Kind.DELETED, file, 5, 8);
        assertThat(p.detail()).contains("seq 5..7 are missing");
    }

    @Test
    void insertedUnsealedLine() throws IOException {
        List<String> lines = Trail.lines(trail.current());
        lines.add(3, Trail.line(99));
        Trail.rewrite(trail.current(), lines);

        assertProblem(Kind.INSERTED, trail.current(), 4, 0);
    }

    @Test
    void insertedCopyOfAnEarlierRecord() throws IOException {
        String copy = Trail.lines(archives.get(0)).get(1); // seq 2
        List<String> lines = Trail.lines(archives.get(2));
        lines.add(5, copy);
        Trail.rewrite(archives.get(2), lines);

        assertProblem(Kind.INSERTED, archives.get(2), 6, 2);
    }

    @Test
    void insertedCopyOfALaterRecord() throws IOException {
        String copy = Trail.lines(trail.current()).get(5); // seq 36
        List<String> lines = Trail.lines(trail.current());
        lines.add(1, copy);
        Trail.rewrite(trail.current(), lines);

        assertProblem(Kind.INSERTED, trail.current(), 2, 36);
    }

    @Test
    void insertedForgedRecordWithTheExpectedSeqAndPrev() throws IOException {
        List<String> lines = Trail.lines(trail.current());
        String next = lines.get(2); // seq 33: its prev is seq 32's hash
        String forged = next.replace("\"login 33\"", "\"login 1000\"");
        lines.add(2, forged);
        Trail.rewrite(trail.current(), lines);

        assertProblem(Kind.INSERTED, trail.current(), 3, 33);
    }

    @Test
    void swappedLines() throws IOException {
        List<String> lines = Trail.lines(trail.current());
        String a = lines.get(1);
        lines.set(1, lines.get(2));
        lines.set(2, a);
        Trail.rewrite(trail.current(), lines);

        Problem p = assertProblem(Kind.REORDERED, trail.current(), 2, 33);
        assertThat(p.detail()).contains("seq 33 comes before seq 32");
    }

    @Test
    void lineMovedToAnotherFile() throws IOException {
        List<String> first = Trail.lines(archives.get(1));
        String moved = first.remove(2); // seq 13
        Trail.rewrite(archives.get(1), first);
        List<String> later = Trail.lines(trail.current());
        later.add(moved);
        Trail.rewrite(trail.current(), later);

        Problem p = assertProblem(Kind.REORDERED, archives.get(1), 3, 14);
        assertThat(p.detail()).contains("current.log line 8");
    }

    @Test
    void currentLogCutInTheMiddleOfALine() throws IOException {
        byte[] bytes = Files.readAllBytes(trail.current());
        Files.write(trail.current(), Arrays.copyOf(bytes, bytes.length - 40));

        assertProblem(Kind.TRUNCATED, trail.current(), 7, 0);
    }

    @Test
    void newestArchiveTailDropped() throws IOException {
        Path file = archives.get(2);
        List<String> lines = Trail.lines(file);
        Trail.rewrite(file, lines.subList(0, 6)); // seq 27..30 gone

        Problem p = assertProblem(Kind.TRUNCATED, file, 7, 0);
        assertThat(p.seq()).isEqualTo(27);
        assertThat(p.detail()).contains("seq 27..30 are missing");
    }

    @Test
    void compressedArchiveCutShort() throws IOException {
        Path file = archives.get(1);
        byte[] gz = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(gz, gz.length - 30));

        Result r = trail.verify();

        assertThat(r.problem().kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(r.problem().file()).isEqualTo(file);
        assertThat(r.problem().detail()).contains("compressed data ends abruptly");
    }

    @Test
    void wholeMiddleArchiveDeleted() throws IOException {
        Files.delete(archives.get(1));

        Problem p = assertProblem(Kind.DELETED, archives.get(2), 1, 21);
        assertThat(p.detail()).contains("sequence 2..2 are missing");
    }

    @Test
    void oldestArchiveDeletedAfterUnsealedHistory() throws IOException {
        // Sealing began after some unsealed lines; then someone removed the first sealed file.
        List<String> lines = new ArrayList<>(List.of("{\"message\":\"before sealing\"}"));
        Files.delete(archives.get(0));
        Path old = root.resolve("auth/auth.log.000000.20231231T000000000Z");
        Trail.rewrite(old, lines);

        assertProblem(Kind.DELETED, archives.get(1), 1, 11);
    }

    @Test
    void unsealedHistoryBeforeTheChainIsAccepted() throws IOException {
        Path old = root.resolve("auth/auth.log.000000.20231231T000000000Z.gz");
        Trail.rewrite(old, List.of("{\"message\":\"before sealing 1\"}", "{\"message\":\"before sealing 2\"}"));

        Result r = trail.verify();

        assertThat(r.intact()).as("%s", r).isTrue();
        assertThat(r.unsealedLines()).isEqualTo(2);
        assertThat(r.records()).isEqualTo(37);
    }

    @Test
    void noSealAtAll() throws IOException {
        for (Path a : archives) {
            Files.delete(a);
        }
        Trail.rewrite(trail.current(), List.of("{\"message\":\"a\"}", "{\"message\":\"b\"}"));

        assertProblem(Kind.UNSEALED, trail.current(), 1, 0);
    }

    @Test
    void malformedSealIsAnEdit() throws IOException {
        List<String> lines = Trail.lines(trail.current());
        lines.set(0, lines.get(0).replace("\"prev\":\"", "\"prev\":\"X"));
        Trail.rewrite(trail.current(), lines);

        assertProblem(Kind.EDITED, trail.current(), 1, 0);
    }

    @Test
    void truncationAtALineBoundaryNeedsAnExpectedSeq() throws IOException {
        List<String> lines = Trail.lines(trail.current());
        Trail.rewrite(trail.current(), lines.subList(0, 5)); // seq 36, 37 gone

        assertThat(trail.verify().intact()).isTrue(); // a chain cannot see its own tail cut off
        Result r = AuditVerifier.verify(trail.dir, null, 37);
        assertThat(r.problem().kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(r.problem().line()).isEqualTo(6);
        assertThat(r.problem().detail()).contains("ends at seq 35 but seq 37 was expected");
    }

    @Test
    void emptyDirectoryIsIntact() throws IOException {
        Path empty = Files.createDirectories(root.resolve("other/auth"));

        Result r = AuditVerifier.verify(empty, null);

        assertThat(r.intact()).isTrue();
        assertThat(r.records()).isZero();
    }

    @Test
    void aFieldNamedAuditInTheContentIsNotTheSeal() throws IOException {
        AuditChain chain = AuditChain.start(null);
        byte[] plain = "{\"message\":\"x\",\"audit\":{\"seq\":5,\"prev\":\"aa\",\"hash\":\"bb\"}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] sealed = chain.seal(plain, 0, plain.length);
        Path dir = Files.createDirectories(root.resolve("other/auth"));
        Files.write(
                dir.resolve("current.log"),
                (new String(sealed, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(AuditVerifier.verify(dir, null).intact()).isTrue();
    }

    private Problem assertProblem(Kind kind, Path file, long line, long seq) throws IOException {
        Result r = trail.verify();
        assertThat(r.intact()).as("verification of a tampered trail").isFalse();
        Problem p = r.problem();
        assertThat(p.kind()).as("%s", p).isEqualTo(kind);
        assertThat(p.file()).as("%s", p).isEqualTo(file);
        assertThat(p.line()).as("%s", p).isEqualTo(line);
        if (seq > 0) {
            assertThat(p.seq()).as("%s", p).isEqualTo(seq);
        }
        return p;
    }
}
