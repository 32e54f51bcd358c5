package io.gatewaylog.sink.syslog.internal;

import io.gatewaylog.api.spi.InvalidSettingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS context from the trust store setting. The context is the sink's own: unlike syslog4j we
 * never touch the JVM-wide {@code javax.net.ssl.*} properties.
 */
final class TlsContexts {
    private TlsContexts() {}

    /** The JDK's default context (its {@code cacerts}) when no trust store is set. */
    static SSLContext create(SyslogConfig config) {
        String key = SyslogConfig.PREFIX + "tls.truststore";
        try {
            if (config.trustStore == null) {
                return SSLContext.getDefault();
            }
            byte[] content = Files.readAllBytes(config.trustStore);
            char[] password = config.trustStorePassword == null ? null : config.trustStorePassword.toCharArray();
            KeyStore store;
            if (new String(content, 0, Math.min(content.length, 64), StandardCharsets.US_ASCII)
                    .contains("-----BEGIN")) {
                // rsyslog and most syslog servers are configured with PEM files: accept one as it is.
                store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                Collection<? extends Certificate> certs =
                        CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content));
                int i = 0;
                for (Certificate c : certs) {
                    store.setCertificateEntry("ca-" + i++, c);
                }
                if (i == 0) {
                    throw new InvalidSettingException(
                            key, config.trustStore.toString(), "a PEM file holding at least one certificate");
                }
            } else {
                store = KeyStore.getInstance(config.trustStore.toFile(), password);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            if (e instanceof InvalidSettingException ise) {
                throw ise;
            }
            throw new InvalidSettingException(
                    key,
                    String.valueOf(config.trustStore),
                    "a PEM file of CA certificates, or a PKCS12 or JKS key store readable with tls.truststore.password ("
                            + e.getMessage() + ")");
        }
    }
}
