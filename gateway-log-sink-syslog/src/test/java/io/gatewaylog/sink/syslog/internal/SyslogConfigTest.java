package io.gatewaylog.sink.syslog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.testkit.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults, and every setting's validation: the error names the key, the value and what is allowed. */
class SyslogConfigTest {

    @Test
    void defaults() {
        SyslogConfig c = TestSinks.config(Map.of());
        assertThat(c.targets())
                .containsExactly(Target.unix("/dev/log"), Target.network(Target.Kind.UDP, "localhost", 514));
        assertThat(c.components).containsExactly(LogComponent.AUTH);
        assertThat(c.facilities.get(LogComponent.AUTH)).isEqualTo(Facility.AUTHPRIV);
        assertThat(c.facilities.get(LogComponent.API)).isEqualTo(Facility.LOCAL0);
        assertThat(c.format).isEqualTo(SyslogConfig.Format.RFC5424);
        assertThat(c.framing).isEqualTo(SyslogConfig.Framing.OCTET_COUNTING);
        assertThat(c.appName).isEqualTo("gateway");
        assertThat(c.hostname).isEqualTo(Hostnames.local());
        assertThat(c.sdId).isEqualTo("gateway@32473");
        assertThat(c.msgIdField).isNull();
        assertThat(c.bom).isFalse();
        assertThat(c.maxMessageSize).isEqualTo(8192);
        assertThat(c.bufferSize).isEqualTo(10_000);
        assertThat(c.reconnectDelay).isEqualTo(Duration.ofMillis(200));
        assertThat(c.reconnectMaxDelay).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.failbackInterval).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.connectTimeout).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.writeTimeout).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.flushTimeout).isZero();
        assertThat(c.defaultTargets).isTrue();
        assertThat(c.closeTimeout).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.trustStore).isNull();
        assertThat(c.verifyHostname).isTrue();
    }

    @Test
    void valuesAreParsed() {
        SyslogConfig c = TestSinks.config(Map.ofEntries(
                Map.entry("targets", " tls:[::1]:6514 , tcp:syslog.example:601,unix:/run/log"),
                Map.entry("components", "auth, API"),
                Map.entry("facility", "local3"),
                Map.entry("facility.auth", "4"),
                Map.entry("format", "rfc3164"),
                Map.entry("framing", "lf"),
                Map.entry("sd.id", "none"),
                Map.entry("max.message.size", "64KB"),
                Map.entry("utf8.bom", "true"),
                Map.entry("msgid.field", "event")));
        assertThat(c.targets())
                .extracting(Target::toString)
                .containsExactly("tls:[::1]:6514", "tcp:syslog.example:601", "unix:/run/log");
        assertThat(c.components).containsExactlyInAnyOrder(LogComponent.AUTH, LogComponent.API);
        assertThat(c.facilities.get(LogComponent.AUTH)).isEqualTo(Facility.AUTH);
        assertThat(c.facilities.get(LogComponent.PROTOCOL)).isEqualTo(Facility.LOCAL3);
        assertThat(c.format).isEqualTo(SyslogConfig.Format.RFC3164);
        assertThat(c.framing).isEqualTo(SyslogConfig.Framing.LF);
        assertThat(c.sdId).isNull();
        assertThat(c.maxMessageSize).isEqualTo(65536);
        assertThat(c.bom).isTrue();
        assertThat(c.msgIdField).isEqualTo("event");
        assertThat(c.defaultTargets).isFalse();
        assertThat(TestSinks.config(Map.of("write.timeout", "250ms")).writeTimeout)
                .isEqualTo(Duration.ofMillis(250));
        assertThat(TestSinks.config(Map.of("components", "all")).components).hasSize(6);
        assertThat(TestSinks.config(Map.of("components", "none")).components).isEmpty();
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "targets | tcp:host | unix:<path>",
                "targets | ftp:host:21 | tls:<host>:<port>",
                "targets | udp:host:0 | port 1..65535",
                "targets | udp:host:70000 | port 1..65535",
                "targets | udp:[::1:514 | IPv6 hosts in brackets",
                "targets | unix: | unix:<path>",
                "targets | ' , ' | unix:<path>",
                "targets | udp:h:514,udp:h:514 | without repeats",
                "components | auth,billing | api, protocol, auth",
                "facility | local9 | local0..local7",
                "facility.auth | nope | authpriv",
                "format | rfc9999 | rfc5424",
                "framing | crlf | octet-counting",
                "app.name | has space | printable US-ASCII",
                "app.name | 0123456789012345678901234567890123456789012345678 | 1 to 48",
                "hostname | a b | 1 to 255",
                "sd.id | gateway | name@<enterprise number>",
                "sd.id | gate=way@32473 | name@<enterprise number>",
                "sd.id | gateway@abc | name@<enterprise number>",
                "utf8.bom | maybe | true",
                "max.message.size | 100B | 480B to 1MB",
                "max.message.size | 2MB | 480B to 1MB",
                "max.message.size | lots | ''",
                "buffer.size | 0 | 1",
                "buffer.size | many | ''",
                "reconnect.delay | 0ms | 1ms to 1h",
                "reconnect.delay | 2h | 1ms to 1h",
                "reconnect.max.delay | 10ms | not shorter than reconnect.delay",
                "failback.interval | 0s | 1ms to 1h",
                "connect.timeout | soon | ''",
                "write.timeout | 0s | 1ms to 1h",
                "flush.timeout | 2h | 0 to 1h",
                "close.timeout | 3d | 0 to 1h",
                "tls.truststore | /nonexistent/ca.pem | a readable PEM file",
                "tls.verify.hostname | perhaps | true",
            })
    void invalidValuesAreRefusedWithKeyValueAndWhatIsAllowed(String key, String value, String allowed) {
        assertThatThrownBy(() -> TestSinks.config(Map.of(key, value)))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.key()).isEqualTo(SyslogConfig.PREFIX + key);
                    assertThat(e.value()).isEqualTo(value);
                    assertThat(e.getMessage()).contains("allowed: ").contains(allowed);
                });
    }

    @Test
    void aTrustStoreThatCannotBeReadFailsAtStartUp(@TempDir Path dir) throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a key store");
        Path p12 = dir.resolve("empty.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (var out = Files.newOutputStream(p12)) {
            ks.store(out, "right".toCharArray());
        }
        Path emptyPem =
                Files.writeString(dir.resolve("empty.pem"), "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
        for (List<String> c : List.of(
                List.of(garbage.toString(), ""), List.of(p12.toString(), "wrong"), List.of(emptyPem.toString(), ""))) {
            Map<String, String> settings =
                    new HashMap<>(Map.of("targets", "tls:localhost:6514", "tls.truststore", c.get(0)));
            if (!c.get(1).isEmpty()) {
                settings.put("tls.truststore.password", c.get(1));
            }
            assertThatThrownBy(() -> new SyslogSink(TestSinks.config(settings), new RecordingReporter()).close())
                    .as(c.toString())
                    .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                        assertThat(e.key()).isEqualTo("sink.syslog.tls.truststore");
                        assertThat(e.value()).isEqualTo(c.get(0));
                        assertThat(e.getMessage()).contains("allowed: ");
                    });
        }
    }
}
