package io.gatewaylog.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, valid two days, made with the
 * running JDK's {@code keytool} (no openssl needed): a PKCS12 key store for a test collector's server
 * socket and its PEM, which a syslog sink takes as its trust store. One place for the syslog tests'
 * collectors and the hung-collector benchmark.
 */
public final class TestCertificate {
    private static final String PASSWORD = "changeit";
    private final Path keyStore;
    private final Path pem;

    private TestCertificate(Path keyStore, Path pem) {
        this.keyStore = keyStore;
        this.pem = pem;
    }

    /** Makes {@code collector.p12} and {@code collector.pem} in {@code dir}. */
    public static TestCertificate create(Path dir) throws IOException, InterruptedException {
        Path ks = dir.resolve("collector.p12");
        Path pem = dir.resolve("collector.pem");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(
                keytool,
                "-genkeypair",
                "-alias",
                "collector",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-keystore",
                ks.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2");
        run(
                keytool,
                "-exportcert",
                "-rfc",
                "-alias",
                "collector",
                "-keystore",
                ks.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                pem.toString());
        return new TestCertificate(ks, pem);
    }

    /** The PKCS12 key store (password {@code changeit}). */
    public Path keyStore() {
        return keyStore;
    }

    /** The certificate alone, PEM: what the client trusts. */
    public Path pem() {
        return pem;
    }

    /** A TLS context that presents this certificate, for a server socket. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
