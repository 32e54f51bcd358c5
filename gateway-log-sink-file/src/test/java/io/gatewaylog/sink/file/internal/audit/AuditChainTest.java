package io.gatewaylog.sink.file.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gatewaylog.api.AuditRecords;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.core.internal.json.JsonRecordEncoder;
import io.gatewaylog.sink.file.audit.AuditVerifier;
import io.gatewaylog.sink.file.audit.Trail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    @Test
    void sealedLineIsTheDocumentedFormula() throws Exception {
        AuditChain chain = AuditChain.start(null);
        String first = "{\"message\":\"a\"}";
        String second = "{\"message\":\"b\",\"n\":2}";

        String s1 = seal(chain, first);
        String s2 = seal(chain, second);

        String h1 = hex(sha256(new byte[32], 1, "{\"message\":\"a\""));
        assertThat(s1)
                .isEqualTo("{\"message\":\"a\",\"audit\":{\"seq\":1,\"prev\":\"" + AuditChain.FIRST_PREV
                        + "\",\"hash\":\"" + h1 + "\"}}");
        String h2 = hex(sha256(HEX.parseHex(h1), 2, "{\"message\":\"b\",\"n\":2"));
        assertThat(s2).endsWith(",\"audit\":{\"seq\":2,\"prev\":\"" + h1 + "\",\"hash\":\"" + h2 + "\"}}");
        assertThat(chain.nextSeq()).isEqualTo(3);
        assertThat(chain.lastHash()).isEqualTo(h2);
    }

    @Test
    void hmacModeUsesTheKey() throws Exception {
        AuditChain chain = AuditChain.start(KEY);

        String s1 = seal(chain, "{\"message\":\"a\"}");

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        mac.update(new byte[32]);
        mac.update(ByteBuffer.allocate(8).putLong(1).array());
        mac.update("{\"message\":\"a\"".getBytes(StandardCharsets.UTF_8));
        assertThat(s1).contains("\"hash\":\"" + hex(mac.doFinal()) + "\"");
    }

    @Test
    void encodesAndSealsTheRealEncodersLineAsValidJson() throws IOException {
        AuditChain chain = AuditChain.start(null);
        JsonRecordEncoder encoder = new JsonRecordEncoder("gateway", 8192);
        LogRecord record = LogRecord.builder()
                .epochMillis(Trail.T0)
                .level(Level.WARN)
                .component(LogComponent.AUTH)
                .logger("login")
                .message("Login failed")
                .thread("main", 1)
                .fields(AuditRecords.event(AuditRecords.LOGIN, AuditRecords.FAILURE)
                        .actor("user_42")
                        .sourceIp("203.0.113.7")
                        .reason("bad password")
                        .fields())
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        chain.encode(encoder, record, out);
        chain.encode(encoder, record, out);

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\"}}\n").hasLineCount(2);
        String first = text.substring(0, text.indexOf('\n'));
        assertThat(lastMemberName(first)).isEqualTo("audit");
        assertThat(first)
                .startsWith(new String(encoder.encode(record), StandardCharsets.UTF_8).replaceFirst("}\n$", ""));
        Path dir = Files.createDirectories(root.resolve("auth"));
        Files.writeString(dir.resolve("current.log"), text);
        assertThat(AuditVerifier.verify(dir, null).records()).isEqualTo(2);
    }

    @Test
    void resetUndoesTheSealsOfAFailedBatchButKeepsThoseWritten() {
        AuditChain chain = AuditChain.start(null);
        seal(chain, "{\"n\":0}");
        chain.mark();
        String a = seal(chain, "{\"n\":1}");
        String b = seal(chain, "{\"n\":2}");
        seal(chain, "{\"n\":3}");

        chain.reset(1); // line 1 reached a file before a rotation; lines 2 and 3 did not

        assertThat(chain.nextSeq()).isEqualTo(3);
        assertThat(seal(chain, "{\"n\":2}")).isEqualTo(b);
        chain.reset();
        assertThat(chain.nextSeq()).isEqualTo(2);
        assertThat(seal(chain, "{\"n\":1}")).isEqualTo(a);
    }

    @Test
    void resetNeedsAMark() {
        AuditChain chain = AuditChain.start(null);
        assertThatThrownBy(chain::reset).isInstanceOf(IllegalStateException.class);
        chain.mark();
        seal(chain, "{\"n\":1}");
        assertThatThrownBy(() -> chain.reset(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesLinesThatAreNotJsonObjects() {
        AuditChain chain = AuditChain.start(null);
        for (String bad : List.of("{}", "[1,2]", "{\"a\":1}\n", "plain text", "")) {
            byte[] b = bad.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> chain.seal(b, 0, b.length)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(chain.nextSeq()).isEqualTo(1);
    }

    @Test
    void sealsASliceOfALargerBuffer() {
        byte[] buf = "xx{\"a\":1}yy".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = AuditChain.start(null).seal(buf, 2, 7);

        assertThat(new String(sealed, StandardCharsets.UTF_8)).startsWith("{\"a\":1,\"audit\":{\"seq\":1,");
    }

    @Test
    void resumeOfAnEmptyOrMissingDirectoryStartsAtOne() throws IOException {
        assertThat(AuditChain.resume(root.resolve("nothing"), null).nextSeq()).isEqualTo(1);
        Path dir = Files.createDirectories(root.resolve("auth"));
        Files.createFile(dir.resolve("current.log"));
        AuditChain chain = AuditChain.resume(dir, null);
        assertThat(chain.nextSeq()).isEqualTo(1);
        assertThat(chain.lastHash()).isEqualTo(AuditChain.FIRST_PREV);
    }

    @Test
    void resumeContinuesFromCurrentLog() throws IOException {
        Trail trail = new Trail(root, null).write(5);
        String last = trail.chain().lastHash();

        AuditChain resumed = AuditChain.resume(trail.dir, null);

        assertThat(resumed.nextSeq()).isEqualTo(6);
        assertThat(resumed.lastHash()).isEqualTo(last);
    }

    @Test
    void resumeIgnoresATornLastLine() throws IOException {
        Trail trail = new Trail(root, null).write(5);
        String last = trail.chain().lastHash();
        Files.writeString(trail.current(), "{\"message\":\"cut by a cra", StandardOpenOption.APPEND);

        AuditChain resumed = AuditChain.resume(trail.dir, null);

        assertThat(resumed.nextSeq()).isEqualTo(6);
        assertThat(resumed.lastHash()).isEqualTo(last);
    }

    @Test
    void resumeFromTheNewestArchiveWhenCurrentLogIsEmpty() throws IOException {
        Trail trail = new Trail(root, null).write(4);
        trail.rotate();
        trail.write(6);
        String last = trail.chain().lastHash();
        trail.rotateUncompressed();

        AuditChain resumed = AuditChain.resume(trail.dir, null);

        assertThat(resumed.nextSeq()).isEqualTo(11);
        assertThat(resumed.lastHash()).isEqualTo(last);
    }

    @Test
    void resumeFromACompressedArchive() throws IOException {
        Trail trail = new Trail(root, null).write(4);
        trail.rotate();
        trail.write(3);
        trail.rotate();

        assertThat(AuditChain.resume(trail.dir, null).nextSeq()).isEqualTo(8);
    }

    @Test
    void resumeSkipsUnsealedLinesAfterTheLastSeal() throws IOException {
        Trail trail = new Trail(root, null).write(3);
        Files.writeString(
                trail.current(), "{\"message\":\"written while sealing was off\"}\n", StandardOpenOption.APPEND);

        assertThat(AuditChain.resume(trail.dir, null).nextSeq()).isEqualTo(4);
    }

    @Test
    void resumeOfAnUnsealedTrailStartsANewChain() throws IOException {
        Path dir = Files.createDirectories(root.resolve("auth"));
        Files.writeString(dir.resolve("current.log"), "{\"message\":\"old\"}\n");

        assertThat(AuditChain.resume(dir, null).nextSeq()).isEqualTo(1);
    }

    @Test
    void readKeyDropsTrailingLineBreaksAndRefusesShortKeys() throws IOException {
        Path keyFile = root.resolve("audit.key");
        Files.writeString(keyFile, "0123456789abcdef0123456789abcdef\n");
        assertThat(AuditChain.readKey(keyFile)).isEqualTo(KEY);

        Files.writeString(keyFile, "short\r\n");
        assertThatThrownBy(() -> AuditChain.readKey(keyFile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16");
    }

    private static String seal(AuditChain chain, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return new String(chain.seal(b, 0, b.length), StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] prev, long seq, String content) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(prev);
        d.update(ByteBuffer.allocate(8).putLong(seq).array());
        d.update(content.getBytes(StandardCharsets.UTF_8));
        return d.digest();
    }

    private static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    /** Parses the line as JSON (it must be valid) and returns its last top-level member's name. */
    private static String lastMemberName(String line) throws IOException {
        String last = null;
        try (JsonParser p = new JsonFactory().createParser(line)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                assertThat(t).isEqualTo(JsonToken.FIELD_NAME);
                last = p.currentName();
                p.nextToken();
                p.skipChildren();
            }
            assertThat(p.nextToken()).isNull();
        }
        return last;
    }
}
