package io.gatewaylog.sink.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.RecordEncoder;
import io.gatewaylog.core.internal.json.JsonRecordEncoder;
import io.gatewaylog.core.internal.retention.RetentionJob;
import io.gatewaylog.sink.file.audit.AuditVerifier;
import io.gatewaylog.testkit.RecordingReporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file sink seals auth lines: across rotations, restarts and retried batches the chain stays intact. */
class AuditWiringTest {
    @TempDir
    Path tmp;

    private RotatingFileSink open(RecordEncoder encoder, String... kv) {
        return RotatingFileSink.open(config(kv), encoder, new RecordingReporter());
    }

    private FileSinkConfig config(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of("dir", tmp.resolve("logs").toString(), "rotation.size", "1KB"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return FileSinkConfig.parse(TestContext.settings(m));
    }

    private Path auth() {
        return tmp.resolve("logs/auth");
    }

    @Test
    void authLinesAreSealedAcrossRotationsAndRestarts() throws IOException {
        JsonRecordEncoder encoder = new JsonRecordEncoder("gateway", 32768);
        for (int run = 0; run < 3; run++) {
            try (RotatingFileSink sink = open(encoder, "backups", "1000")) {
                for (int b = 0; b < 10; b++) {
                    sink.write(TestFiles.batch(LogComponent.AUTH, "r" + run + "-", b * 5, 5, 1000L * run));
                }
                sink.write(TestFiles.batch(LogComponent.API, "api", 0, 5, 0));
                TestFiles.awaitCompressions(sink, Duration.ofSeconds(10));
            }
        }

        AuditVerifier.Result r = AuditVerifier.verify(auth(), null);
        assertThat(r.intact()).as("%s", r).isTrue();
        assertThat(r.records()).isEqualTo(150);
        assertThat(r.firstSeq()).isEqualTo(1);
        assertThat(r.files()).isGreaterThan(3);
        assertThat(Files.readString(tmp.resolve("logs/api/current.log"))).doesNotContain("\"audit\"");
    }

    @Test
    void pruningTheOldestArchivesLeavesAnIntactChainThatStartsLater() throws IOException {
        try (RotatingFileSink sink = open(new JsonRecordEncoder("gateway", 32768), "backups", "2");
                RetentionJob pruning = Pruning.start(sink, new RecordingReporter())) {
            for (int b = 0; b < 10; b++) {
                sink.write(TestFiles.batch(LogComponent.AUTH, "p", b * 5, 5, 0));
            }
            TestFiles.awaitCompressions(sink, Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(TestFiles.archives(auth())).hasSize(2));
        }

        AuditVerifier.Result r = AuditVerifier.verify(auth(), null);
        assertThat(r.intact()).as("%s", r).isTrue();
        assertThat(r.firstSeq()).isGreaterThan(1);
        assertThat(r.lastSeq()).isEqualTo(50);
    }

    @Test
    void theRetryOfWhatWasNotTakenGetsTheNextNumbersEvenAfterARotationInsideTheBatch() throws IOException {
        FailingOnce encoder = new FailingOnce(new JsonRecordEncoder("gateway", 32768), "m17");
        try (RotatingFileSink sink = open(encoder)) {
            List<LogRecord> batch = TestFiles.batch(LogComponent.AUTH, "m", 0, 20, 0); // ~200 bytes each: rotates
            int taken = sink.write(batch);
            assertThat(taken).isEqualTo(17); // m0..m16 written (some before a rotation), m17's encoding failed
            assertThat(sink.write(batch.subList(taken, batch.size()))).isEqualTo(3); // the core retries the rest
            sink.write(TestFiles.batch(LogComponent.AUTH, "n", 0, 3, 0));
        }

        AuditVerifier.Result r = AuditVerifier.verify(auth(), null);
        assertThat(r.intact()).as("%s", r).isTrue();
        assertThat(r.records()).isEqualTo(23);
    }

    @Test
    void hmacKeyFromTheKeyFileSetting() throws IOException {
        Path key = tmp.resolve("audit.key");
        Files.writeString(key, "0123456789abcdef0123456789abcdef\n");
        try (RotatingFileSink sink =
                open(new JsonRecordEncoder("gateway", 32768), "sink.file.audit.key-file", key.toString())) {
            sink.write(TestFiles.batch(LogComponent.AUTH, "k", 0, 3, 0));
        }
        assertThat(AuditVerifier.verify(auth(), io.gatewaylog.sink.file.internal.audit.AuditChain.readKey(key))
                        .intact())
                .isTrue();
        assertThat(AuditVerifier.verify(auth(), null).intact()).isFalse();

        Files.writeString(key, "short");
        assertThatThrownBy(
                        () -> open(new JsonRecordEncoder("gateway", 32768), "sink.file.audit.key-file", key.toString()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("sink.file.audit.key-file");
    }

    @Test
    void sealingIsTurnedOffOnlyThroughAuthsOwnKey() throws IOException {
        // A global sink.file.audit=false (meant for "the other components", or a copy-paste) must not weaken auth.
        try (RotatingFileSink sink = open(new JsonRecordEncoder("gateway", 32768), "sink.file.audit", "false")) {
            assertThat(config("sink.file.audit", "false")
                            .component(LogComponent.AUTH)
                            .audit())
                    .isTrue();
            sink.write(TestFiles.batch(LogComponent.AUTH, "x", 0, 2, 0));
        }
        assertThat(Files.readString(auth().resolve("current.log"))).contains("\"audit\"");

        try (RotatingFileSink sink = open(
                new JsonRecordEncoder("gateway", 32768),
                "component.auth.sink.file.audit",
                "false",
                "dir",
                tmp.resolve("off").toString())) {
            sink.write(TestFiles.batch(LogComponent.AUTH, "x", 0, 2, 0));
        }
        assertThat(Files.readString(tmp.resolve("off/auth/current.log"))).doesNotContain("\"audit\"");
    }

    /** An encoder that fails once on the record with a given message, like a full disk mid-batch. */
    private static final class FailingOnce implements RecordEncoder {
        private final RecordEncoder delegate;
        private final String failOn;
        private boolean failed;

        FailingOnce(RecordEncoder delegate, String failOn) {
            this.delegate = delegate;
            this.failOn = failOn;
        }

        @Override
        public void encode(LogRecord record, OutputStream out) throws IOException {
            if (!failed && failOn.equals(record.message())) {
                failed = true;
                throw new IOException("simulated failure");
            }
            delegate.encode(record, out);
        }

        @Override
        public byte[] encode(LogRecord record) {
            return delegate.encode(record);
        }
    }
}
