package io.gatewaylog.sink.file.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.sink.file.internal.audit.AuditChain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit status and output. */
class AuditVerifierCliTest {
    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void intactIsZero() throws IOException {
        Trail trail = new Trail(root, null).write(3);
        trail.rotate();
        trail.write(2);

        assertThat(run("--dir", trail.dir.toString())).isEqualTo(0);
        assertThat(out()).startsWith("INTACT: 5 sealed records, seq 1..5, in 2 files");
    }

    @Test
    void tamperedIsOneAndNamesTheFirstBadRecord() throws IOException {
        Trail trail = new Trail(root, null).write(4);
        List<String> lines = Trail.lines(trail.current());
        lines.remove(1);
        Trail.rewrite(trail.current(), lines);

        assertThat(run("--dir", trail.dir.toString())).isEqualTo(1);
        assertThat(out()).startsWith("TAMPERED: DELETED at " + trail.current() + " line 2 (seq 3)");
    }

    @Test
    void withAKeyATrailWithoutItsHeadFailsUnlessNoHeadIsGiven() throws IOException {
        Path keyFile = root.resolve("audit.key");
        Files.writeString(keyFile, "0123456789abcdef0123456789abcdef\n");
        Trail trail = new Trail(root, AuditChain.readKey(keyFile)).write(3);

        assertThat(run("--dir", trail.dir.toString(), "--key-file", keyFile.toString()))
                .isEqualTo(1);
        assertThat(out())
                .startsWith("TAMPERED: HEAD at " + trail.dir.resolve(".audit-head"))
                .contains("no chain head");
        out.reset();
        assertThat(run("--dir", trail.dir.toString(), "--key-file", keyFile.toString(), "--no-head"))
                .isEqualTo(0);
        assertThat(out()).startsWith("INTACT: 3 sealed records");
    }

    @Test
    void hmacTrailWithTheRightKeyIsIntactAndWithAWrongOrNoKeyTampered() throws IOException {
        Path keyFile = root.resolve("audit.key");
        Files.writeString(keyFile, "0123456789abcdef0123456789abcdef\n");
        Path wrongKey = root.resolve("wrong.key");
        Files.writeString(wrongKey, "0123456789abcdef0123456789abcdeX\n");
        Trail trail = new Trail(root, AuditChain.readKey(keyFile)).write(3).head();
        trail.rotate();
        trail.restart().write(3);

        assertThat(run("--dir", trail.dir.toString(), "--key-file", keyFile.toString()))
                .isEqualTo(0);
        assertThat(run("--dir", trail.dir.toString(), "--key-file", wrongKey.toString()))
                .isEqualTo(1);
        assertThat(out()).contains("EDITED at").contains("line 1 (seq 1)").contains("is the key right?");
        out.reset();
        assertThat(run("--dir", trail.dir.toString())).isEqualTo(1);
        assertThat(out()).contains("was the trail sealed with an HMAC key");
    }

    @Test
    void expectedSeqBeyondTheEndIsTampered() throws IOException {
        Trail trail = new Trail(root, null).write(4);

        assertThat(run("--dir", trail.dir.toString(), "--expect-seq", "4")).isEqualTo(0);
        assertThat(run("--dir", trail.dir.toString(), "--expect-seq", "6")).isEqualTo(1);
        assertThat(out()).contains("TRUNCATED");
    }

    @Test
    void usageAndIoErrorsAreTwo() throws IOException {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("--dir is required").contains("usage:");
        assertThat(run("--dir")).isEqualTo(2);
        assertThat(run("--dir", root.toString(), "--bogus")).isEqualTo(2);
        assertThat(run("--dir", root.toString(), "--expect-seq", "many")).isEqualTo(2);
        assertThat(run("--dir", root.resolve("missing").toString())).isEqualTo(2);
        assertThat(err()).contains("is not a directory");
        assertThat(run(
                        "--dir",
                        root.toString(),
                        "--key-file",
                        root.resolve("no.key").toString()))
                .isEqualTo(2);
        Files.writeString(root.resolve("short.key"), "abc");
        assertThat(run(
                        "--dir",
                        root.toString(),
                        "--key-file",
                        root.resolve("short.key").toString()))
                .isEqualTo(2);
        assertThat(run("--help")).isEqualTo(0);
    }

    private int run(String... args) {
        return AuditVerifier.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
