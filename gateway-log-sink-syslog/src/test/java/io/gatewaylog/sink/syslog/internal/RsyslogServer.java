package io.gatewaylog.sink.syslog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatewaylog.testkit.internal.Prerequisites;
import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A real rsyslogd for tests, in the foreground, listening on loopback only, with everything (config,
 * certificate, sockets, output) in a short temporary directory. Received messages are written by
 * rsyslog's own RFC 5424 parser into {@code out/parsed.log}, one line per message (see {@link Line}).
 */
final class RsyslogServer implements AutoCloseable {
    /** A system property naming the rsyslogd to run, in place of the one on PATH (e.g. to check CI's failure). */
    private static final String RSYSLOGD = "test.rsyslogd";

    private final Path dir;
    private final int udpPort;
    private int tcpPort;
    private int tlsPort;
    private Process process;

    private RsyslogServer(Path dir, int udpPort) {
        this.dir = dir;
        this.udpPort = udpPort;
    }

    /**
     * Starts a server, or skips the calling test class if rsyslogd (or openssl) is not installed; in CI
     * ({@code CI=true}) a missing rsyslogd or openssl fails the test instead (see {@link Prerequisites}).
     */
    static RsyslogServer start() throws Exception {
        String rsyslogd = rsyslogd();
        Prerequisites.require(
                rsyslogd != null,
                "rsyslogd is not installed (" + System.getProperty(RSYSLOGD, "on PATH")
                        + "): install the Debian packages rsyslog and rsyslog-openssl to run the syslog tests");
        Prerequisites.require(
                executable("openssl") != null, "openssl is not installed (needed for the TLS certificate)");
        // A Unix socket path must fit in 107 bytes: /tmp/rsXXXX/log.sock does.
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "rs");
        Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(dir.resolve("out"));
        run(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                dir.resolve("key.pem").toString(),
                "-out",
                dir.resolve("cert.pem").toString(),
                "-days",
                "2",
                "-subj",
                "/CN=localhost",
                // Only the DNS name: connecting to 127.0.0.1 must then fail hostname verification.
                "-addext",
                "subjectAltName=DNS:localhost");
        int udp;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            udp = s.getLocalPort();
        }
        RsyslogServer server = new RsyslogServer(dir, udp);
        server.launch(rsyslogd);
        return server;
    }

    private void launch(String rsyslogd) throws Exception {
        Files.deleteIfExists(dir.resolve("tcp.port"));
        Files.deleteIfExists(dir.resolve("tls.port"));
        Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(conf, config());
        process = new ProcessBuilder(
                        rsyslogd,
                        "-n",
                        "-f",
                        conf.toString(),
                        "-i",
                        dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("rsyslogd.out").toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> {
                        assertThat(process.isAlive())
                                .as("rsyslogd running; its output: %s", output())
                                .isTrue();
                        if (tcpPort == 0) {
                            assertThat(dir.resolve("tcp.port")).isNotEmptyFile();
                            assertThat(dir.resolve("tls.port")).isNotEmptyFile();
                        } else {
                            // rsyslog writes the port files only for port 0: on a restart, knock instead.
                            assertThat(accepts(tcpPort) && accepts(tlsPort))
                                    .as("listening on %d and %d", tcpPort, tlsPort)
                                    .isTrue();
                        }
                        assertThat(socket()).exists();
                    });
        } catch (AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
        if (tcpPort == 0) {
            tcpPort = Integer.parseInt(Files.readString(dir.resolve("tcp.port")).trim());
            tlsPort = Integer.parseInt(Files.readString(dir.resolve("tls.port")).trim());
        }
    }

    private static boolean accepts(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String config() {
        String d = dir.toString();
        return "global(workDirectory=\"" + d + "/work\" net.enableDNS=\"off\" maxMessageSize=\"64k\"\n"
                + "  defaultNetstreamDriverCAFile=\"" + d + "/cert.pem\" defaultNetstreamDriverCertFile=\"" + d
                + "/cert.pem\"\n"
                + "  defaultNetstreamDriverKeyFile=\"" + d + "/key.pem\")\n"
                + "module(load=\"imuxsock\" SysSock.Use=\"off\")\n"
                + "module(load=\"imudp\")\n"
                + "module(load=\"imtcp\" maxSessions=\"200\")\n"
                + "template(name=\"raw\" type=\"string\" string=\"%rawmsg%\\n\")\n"
                + "template(name=\"parsed\" type=\"list\") {\n"
                + "  property(name=\"inputname\") constant(value=\" pri=\") property(name=\"pri\")\n"
                + "  constant(value=\" ts=\") property(name=\"timereported\" dateFormat=\"rfc3339\")\n"
                + "  constant(value=\" host=\") property(name=\"hostname\") constant(value=\" app=\") property(name=\"app-name\")\n"
                + "  constant(value=\" procid=\") property(name=\"procid\") constant(value=\" msgid=\") property(name=\"msgid\")\n"
                + "  constant(value=\" sd=\") property(name=\"structured-data\") constant(value=\" msg=\") property(name=\"msg\")\n"
                + "  constant(value=\"\\n\") }\n"
                + "ruleset(name=\"capture\") {\n"
                + "  action(type=\"omfile\" file=\"" + d + "/out/raw.log\" template=\"raw\")\n"
                + "  action(type=\"omfile\" file=\"" + d + "/out/parsed.log\" template=\"parsed\") }\n"
                + "input(type=\"imudp\" address=\"127.0.0.1\" port=\"" + udpPort
                + "\" name=\"udp\" ruleset=\"capture\")\n"
                + "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + tcpPort + "\" listenPortFileName=\"" + d
                + "/tcp.port\" name=\"tcp\" ruleset=\"capture\")\n"
                + "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + tlsPort + "\" listenPortFileName=\"" + d
                + "/tls.port\" name=\"tls\" ruleset=\"capture\"\n"
                + "  streamDriver.name=\"ossl\" streamDriver.mode=\"1\" streamDriver.authMode=\"anon\")\n"
                + "input(type=\"imuxsock\" socket=\"" + d + "/log.sock\" createPath=\"on\" useSpecialParser=\"off\" "
                + "parseHostname=\"on\" ignoreTimestamp=\"off\" rateLimit.interval=\"0\" ruleset=\"capture\")\n";
    }

    /** Stops rsyslogd (SIGTERM) and waits for it to exit. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts rsyslogd again on the same ports (the TCP and TLS ports are fixed from the first start). */
    void restart() throws Exception {
        stop();
        launch(rsyslogd());
    }

    @Override
    public void close() throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    int udpPort() {
        return udpPort;
    }

    int tcpPort() {
        return tcpPort;
    }

    int tlsPort() {
        return tlsPort;
    }

    Path dir() {
        return dir;
    }

    Path socket() {
        return dir.resolve("log.sock");
    }

    Path certificate() {
        return dir.resolve("cert.pem");
    }

    String output() {
        try {
            return Files.readString(dir.resolve("rsyslogd.out"));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** Every parsed message so far. */
    List<Line> lines() throws IOException {
        Path file = dir.resolve("out/parsed.log");
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Line> out = new ArrayList<>();
        for (String s : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(Line.parse(s));
        }
        return out;
    }

    /** Parsed messages of one app-name (each test uses its own). */
    List<Line> lines(String app) throws IOException {
        return lines().stream().filter(l -> l.app().equals(app)).toList();
    }

    /** Waits (rsyslog writes asynchronously) until {@code app} has at least {@code count} messages. */
    List<Line> awaitLines(String app, int count) {
        return awaitLines(app, l -> l.size() >= count);
    }

    List<Line> awaitLines(String app, Predicate<List<Line>> condition) {
        List<List<Line>> result = new ArrayList<>(1);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    List<Line> got = lines(app);
                    assertThat(condition.test(got))
                            .as("messages of app %s so far: %s", app, got)
                            .isTrue();
                    result.clear();
                    result.add(got);
                });
        return result.get(0);
    }

    /** The raw messages (as received) containing {@code text}. */
    List<String> rawContaining(String text) throws IOException {
        Path file = dir.resolve("out/raw.log");
        return Files.exists(file)
                ? Files.readAllLines(file).stream()
                        .filter(s -> s.contains(text))
                        .toList()
                : List.of();
    }

    private static String rsyslogd() {
        String named = System.getProperty(RSYSLOGD);
        if (named != null) {
            return Files.isExecutable(Path.of(named)) ? named : null;
        }
        return executable("rsyslogd");
    }

    private static String executable(String name) {
        for (String d : (System.getenv("PATH") + File.pathSeparator + "/usr/sbin:/sbin").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
    }

    /** One message as rsyslog parsed it. */
    record Line(
            String input,
            int pri,
            String timestamp,
            String host,
            String app,
            String procId,
            String msgId,
            String structuredData,
            String msg) {
        static Line parse(String s) {
            int sd = s.indexOf(" sd=");
            int msg = s.indexOf(" msg=", sd);
            String[] head = s.substring(0, sd).split(" ");
            return new Line(
                    head[0],
                    Integer.parseInt(value(head[1])),
                    value(head[2]),
                    value(head[3]),
                    value(head[4]),
                    value(head[5]),
                    value(head[6]),
                    s.substring(sd + 4, msg),
                    s.substring(msg + 5));
        }

        private static String value(String kv) {
            return kv.substring(kv.indexOf('=') + 1);
        }
    }
}
