package io.gatewaylog.sink.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatewaylog.testkit.internal.BrokerSuite;
import io.gatewaylog.testkit.internal.CrashSuite;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway in a child JVM (the global backend, with gateway-log-slf4j routing the Kafka client's logs
 * into it): killed with SIGKILL while it spools, then restarted; and the client's own logs never loop.
 */
@BrokerSuite
@CrashSuite
class KafkaCrashTest {
    @TempDir
    static Path root;

    @RegisterExtension
    static final KafkaBroker broker = KafkaBroker.perClass();

    @Test
    void gatewayKilledWhileSpoolingThenRestartedSendsTheSpoolNothingLostOrDoubled() throws Exception {
        Path spool = root.resolve("crash-spool");
        broker.stop();
        Child first = Child.start(
                root.resolve("first.err"), "spool", broker.bootstrap(), spool.toString(), "crash", "1000000");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> first.lines.contains("flushed 3000") || !first.process.isAlive());
        assertThat(first.process.isAlive())
                .as("the gateway still runs while Kafka is down")
                .isTrue();
        first.process.destroyForcibly(); // SIGKILL, in the middle of spooling
        first.process.waitFor(30, TimeUnit.SECONDS);
        int flushed = first.lines.stream()
                .filter(l -> l.startsWith("flushed "))
                .mapToInt(l -> Integer.parseInt(l.substring(8)))
                .max()
                .orElseThrow();

        broker.start();
        Child second =
                Child.start(root.resolve("second.err"), "drain", broker.bootstrap(), spool.toString(), "crash", "10");
        assertThat(second.process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(second.lines).as(second.stderr()).contains("drained");

        List<String> got = TopicReader.messages(TopicReader.readAll(broker.bootstrap(), "crash.api"));
        int spooled = (int) got.stream().filter(m -> m.startsWith("rec-")).count();
        assertThat(spooled).as("every record the first gateway had flushed").isGreaterThanOrEqualTo(flushed);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < spooled; i++) {
            expected.add("rec-" + i);
        }
        for (int i = 0; i < 10; i++) {
            expected.add("after-" + i);
        }
        assertThat(got).as("in order, none lost, none twice").isEqualTo(expected);
        System.out.println(
                "gateway SIGKILL while spooling: " + flushed + " flushed, " + spooled + " in the spool, all sent once");
    }

    @Test
    void theKafkaClientsOwnLogsThroughSlf4jNeverFeedBackIntoTheSink() throws Exception {
        Path spool = root.resolve("feedback-spool");
        Child child = Child.start(
                root.resolve("feedback.err"), "feedback", broker.bootstrap(), spool.toString(), "fb", "300");
        assertThat(child.process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(child.process.exitValue()).as(child.stderr()).isZero();
        List<TopicReader.Read> reads = TopicReader.readAll(broker.bootstrap(), "fb.system");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            expected.add("fb-" + i);
        }
        assertThat(TopicReader.messages(reads)).isEqualTo(expected);
        long skipped = child.lines.stream()
                .filter(l -> l.startsWith("skipped "))
                .mapToLong(l -> Long.parseLong(l.substring(8)))
                .findFirst()
                .orElseThrow();
        long accepted = child.lines.stream()
                .filter(l -> l.startsWith("accepted "))
                .mapToLong(l -> Long.parseLong(l.substring(9)))
                .findFirst()
                .orElseThrow();
        // The client did log (DEBUG, through gateway-log-slf4j, into the system component), and none of it went to
        // Kafka.
        assertThat(skipped).isPositive();
        assertThat(accepted).isGreaterThanOrEqualTo(300 + skipped);
        System.out.println("feedback: 300 records shipped, " + skipped + " Kafka client records kept out of Kafka");
    }

    /** A {@link GatewayApp} child JVM, its stdout lines collected. */
    static final class Child {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Path err;

        private Child(Process process, Path err) {
            this.process = process;
            this.err = err;
            Thread t = new Thread(() -> {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (java.io.IOException ignored) {
                    // the child died
                }
            });
            t.setDaemon(true);
            t.start();
        }

        static Child start(Path err, String... args) throws java.io.IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xmx128m");
            cmd.add("-XX:+UseSerialGC");
            cmd.add("-XX:TieredStopAtLevel=1");
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(GatewayApp.class.getName());
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.to(err.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return new Child(p, err);
        }

        String stderr() {
            try {
                String s = java.nio.file.Files.readString(err);
                return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
            } catch (java.io.IOException e) {
                return "";
            }
        }
    }
}
