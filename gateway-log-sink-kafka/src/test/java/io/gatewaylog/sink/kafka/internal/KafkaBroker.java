package io.gatewaylog.sink.kafka.internal;

import io.gatewaylog.testkit.internal.Prerequisites;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away single-node KRaft broker in a child JVM, from the jars that the {@code test-broker} module
 * resolved (recipe: shared/notes/kafka.md). Same ports and data directory across restarts, so records
 * survive {@link #kill()} and {@link #start()} as they would on a real broker.
 *
 * <p>A JUnit 5 extension, one broker per test class: {@code @RegisterExtension static final KafkaBroker
 * broker = KafkaBroker.perClass();} formats a fresh directory and starts it before the class's first test,
 * and stops it and deletes the directory after the last. Without the broker's class path (the
 * {@code test-broker} module not built) the class is skipped, or fails in CI ({@link Prerequisites}).
 */
final class KafkaBroker implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private int port;
    private int controllerPort;
    private String classPath;
    private Process process;

    private KafkaBroker() {}

    /** A broker for one test class, started by the extension before its tests. */
    static KafkaBroker perClass() {
        return new KafkaBroker();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path cpFile = Path.of(System.getProperty("kafka.broker.classpath", "test-broker/target/kafka.classpath"));
        Prerequisites.require(
                Files.isReadable(cpFile),
                "the Kafka broker's class path " + cpFile + " is missing:"
                        + " build the gateway-log-sink-kafka/test-broker module first (mvn -pl gateway-log-sink-kafka -am)");
        classPath = Files.readString(cpFile).trim();
        port = freePort();
        controllerPort = freePort();
        dir = Files.createTempDirectory("broker");
        format();
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    private void format() throws Exception {
        Files.writeString(
                dir.resolve("server.properties"),
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:"
                                + controllerPort,
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                        "log.dirs=" + dir.resolve("data"),
                        "num.partitions=1",
                        "offsets.topic.replication.factor=1",
                        "offsets.topic.num.partitions=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "share.coordinator.state.topic.replication.factor=1",
                        "share.coordinator.state.topic.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "broker.heartbeat.interval.ms=500",
                        "broker.session.timeout.ms=2000",
                        "log.flush.interval.messages=9223372036854775807",
                        ""));
        List<String> cmd = java(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                dir.resolve("server.properties").toString(),
                "--standalone");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("format.log").toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(
                    "kafka storage format failed: " + Files.readString(dir.resolve("format.log")));
        }
    }

    private List<String> java(String main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(main);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts (or restarts) the broker and waits until it acknowledges. */
    void start() throws Exception {
        List<String> cmd = java("kafka.Kafka", dir.resolve("server.properties").toString());
        process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("broker.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        awaitReady();
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited: " + tail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not open its port: " + tail());
                }
                Thread.sleep(50);
            }
        }
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        }
    }

    Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000));
    }

    /** SIGKILL: the broker loses what it had not written to its page cache, as a crashed broker would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: a clean stop. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("broker.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (UncheckedIOException | IOException ignored) {
            // a temp dir: what is left goes with the machine's /tmp
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Duration ready() {
        return Duration.ofSeconds(60);
    }
}
