package io.gatewaylog.sink.file.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.sink.file.audit.AuditVerifier;
import io.gatewaylog.sink.file.audit.AuditVerifier.Kind;
import io.gatewaylog.sink.file.audit.AuditVerifier.Result;
import io.gatewaylog.sink.file.internal.audit.AuditChain;
import io.gatewaylog.testkit.RecordingReporter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deliberate editor against the audit trail: the newest sealed records cut off at a line boundary
 * (which leaves a shorter, self-consistent chain), then the gateway restarted. The chain head, kept
 * outside the files the truncation reaches, gives it away, before and after the restart.
 */
class AuditTruncationTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path tmp;

    final RecordingReporter reporter = new RecordingReporter();

    private Path auth() {
        return tmp.resolve("logs/auth");
    }

    private RotatingFileSink open(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of("dir", tmp.resolve("logs").toString()));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        TestContext ctx = TestContext.of(m, reporter);
        return RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter);
    }

    private void write(int from, int count, String... kv) throws IOException {
        try (RotatingFileSink sink = open(kv)) {
            sink.write(TestFiles.batch(LogComponent.AUTH, "u", from, count, T0));
        }
    }

    /** Cuts the last {@code n} lines off current.log, exactly at a line boundary. */
    private void cutLastLines(int n) throws IOException {
        Path current = auth().resolve("current.log");
        List<String> lines = Files.readAllLines(current, StandardCharsets.UTF_8);
        long keep = 0;
        for (String l : lines.subList(0, lines.size() - n)) {
            keep += l.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        try (FileChannel ch = FileChannel.open(current, StandardOpenOption.WRITE)) {
            ch.truncate(keep);
        }
    }

    @Test
    void cuttingTheNewestRecordsIsDetectedAndARestartKeepsTheGapVisible() throws IOException {
        write(0, 10);
        cutLastLines(3);

        Result cut = AuditVerifier.verify(auth(), null);
        assertThat(cut.intact()).isFalse();
        assertThat(cut.problem().kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(cut.problem().detail()).contains("head says seq 10").contains("records 8..10 were cut off the end");

        write(10, 2); // the gateway restarts and goes on
        assertThat(reporter.errors()).anyMatch(e -> e.contains("records 8..10 were cut off the end"));
        Result after = AuditVerifier.verify(auth(), null);
        assertThat(after.intact()).isFalse();
        assertThat(after.problem().kind()).isEqualTo(Kind.DELETED);
        assertThat(after.problem().seq()).isEqualTo(11);
        assertThat(after.problem().detail()).contains("seq 8..10");
    }

    @Test
    void withAKeyTheHeadCannotBeForgedNorSilentlyRemoved() throws IOException {
        Path keyFile = tmp.resolve("audit.key");
        Files.writeString(keyFile, "0123456789abcdef0123456789abcdef\n");
        byte[] key = AuditChain.readKey(keyFile);
        String[] withKey = {"component.auth.sink.file.audit.key-file", keyFile.toString()};
        write(0, 10, withKey);
        assertThat(AuditVerifier.verify(auth(), key).intact()).isTrue();

        // An editor without the key cuts records and writes a head that matches the shorter chain.
        cutLastLines(3);
        Path head = auth().resolve(".audit-head");
        Files.write(head, forgedHead());
        Result forged = AuditVerifier.verify(auth(), key);
        assertThat(forged.problem().kind()).isEqualTo(Kind.HEAD);
        assertThat(forged.problem().detail()).contains("fails its check");

        // Or removes the head: with a key, a trail without one is not accepted.
        Files.delete(head);
        Result missing = AuditVerifier.verify(auth(), key);
        assertThat(missing.problem().kind()).isEqualTo(Kind.HEAD);
        assertThat(missing.problem().detail()).contains("no chain head");

        // And if the gateway restarts then, the new head says when it was started: the verdict warns.
        write(10, 2, withKey);
        assertThat(reporter.warnings()).anyMatch(w -> w.contains("no valid chain head"));
        Result restarted = AuditVerifier.verify(auth(), key);
        assertThat(restarted.intact()).as("%s", restarted).isTrue();
        assertThat(restarted.warnings())
                .singleElement()
                .asString()
                .contains("the chain head was started at seq 8")
                .contains("could not be detected");
        assertThat(restarted.toString()).contains("warning: the chain head was started at seq 8");
    }

    @Test
    void aHeadThatFailsItsCheckAtStartUpIsMovedAsideReportedAndTheVerdictWarns() throws IOException {
        Path keyFile = tmp.resolve("audit.key");
        Files.writeString(keyFile, "0123456789abcdef0123456789abcdef\n");
        String[] withKey = {"component.auth.sink.file.audit.key-file", keyFile.toString()};
        write(0, 5, withKey);
        Files.write(auth().resolve(".audit-head"), forgedHead());
        write(5, 2, withKey);
        assertThat(reporter.errors()).anyMatch(e -> e.contains("fails its check") && e.contains("moved aside"));
        try (java.util.stream.Stream<Path> files = Files.list(auth())) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith(".audit-head.invalid-"));
        }
        Result r = AuditVerifier.verify(auth(), AuditChain.readKey(keyFile));
        assertThat(r.intact()).as("%s", r).isTrue();
        assertThat(r.warnings()).singleElement().asString().contains("started at seq 6");
    }

    @Test
    void withoutAKeyAMissingHeadIsAWarningAndTheVerdictSaysWhy() throws IOException {
        write(0, 5);
        Files.delete(auth().resolve(".audit-head"));
        Result r = AuditVerifier.verify(auth(), null);
        assertThat(r.intact()).isTrue();
        assertThat(r.toString()).contains("warning: there is no chain head").contains("without a key");
        assertThat(AuditVerifier.verify(auth(), null, 0, false).warnings()).isEmpty();
    }

    @Test
    void replacingTheNewestRecordAndRecomputingItsHashIsCaughtByTheHead() throws IOException {
        write(0, 5);
        Path current = auth().resolve("current.log");
        List<String> lines = Files.readAllLines(current, StandardCharsets.UTF_8);
        // Re-seal the chain up to seq 4 and a different record 5, as an editor without a key can.
        AuditChain chain = AuditChain.start(null);
        StringBuilder rewritten = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            String plain = lines.get(i).substring(0, lines.get(i).indexOf(",\"audit\":")) + "}";
            if (i == 4) {
                plain = plain.replace("\"u4\"", "\"nothing happened\"");
            }
            byte[] b = plain.getBytes(StandardCharsets.UTF_8);
            rewritten
                    .append(new String(chain.seal(b, 0, b.length), StandardCharsets.UTF_8))
                    .append('\n');
        }
        Files.writeString(current, rewritten);
        Result r = AuditVerifier.verify(auth(), null);
        assertThat(r.problem().kind()).isEqualTo(Kind.EDITED);
        assertThat(r.problem().seq()).isEqualTo(5);
        assertThat(r.problem().detail()).contains("not the record the chain head recorded");
    }

    @Test
    void withAKeyUnsealedLinesBeforeTheChainAreReportedNotAccepted() throws IOException {
        Path keyFile = tmp.resolve("audit.key");
        Files.writeString(keyFile, "0123456789abcdef0123456789abcdef\n");
        Files.createDirectories(auth());
        Files.writeString(auth().resolve("current.log"), "{\"message\":\"planted before the chain\"}\n");
        write(0, 3, "component.auth.sink.file.audit.key-file", keyFile.toString());

        Result keyed = AuditVerifier.verify(auth(), AuditChain.readKey(keyFile));
        assertThat(keyed.problem().kind()).isEqualTo(Kind.UNSEALED);
        assertThat(keyed.problem().line()).isEqualTo(1);
        assertThat(keyed.problem().detail()).contains("1 lines without a seal come before the chain");
    }

    @Test
    void withoutAKeyUnsealedLinesBeforeTheChainAreAcceptedAndTheVerdictSaysTheyCannotBeTold() throws IOException {
        Files.createDirectories(auth());
        Files.writeString(auth().resolve("current.log"), "{\"message\":\"from before sealing\"}\n");
        write(0, 3);
        Result r = AuditVerifier.verify(auth(), null);
        assertThat(r.intact()).as("%s", r).isTrue();
        assertThat(r.unsealedLines()).isEqualTo(1);
        assertThat(r.toString())
                .contains("1 lines before seq 1 are not sealed")
                .contains("without a key they cannot be told from lines added later");
    }

    /** A head for seq 7 with a check computed without the key (plain SHA-256): what an editor can make. */
    private byte[] forgedHead() throws IOException {
        Path plain = tmp.resolve("plain");
        try (RotatingFileSink sink = RotatingFileSink.open(
                FileSinkConfig.parse(TestContext.settings(Map.of("dir", plain.toString()))),
                TestContext.of(Map.of(), reporter).encoder(),
                reporter)) {
            sink.write(TestFiles.batch(LogComponent.AUTH, "u", 0, 7, T0));
        }
        return Files.readAllBytes(plain.resolve("auth/.audit-head"));
    }
}
