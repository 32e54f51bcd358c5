package io.gatewaylog.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.SettingParsers;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.core.internal.retention.RetentionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayeredSettingsTest {
    @TempDir
    Path dir;

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    private Path file(String content) throws IOException {
        Path f = dir.resolve("gateway-log.properties");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void developmentIsTheDefaultProfileWithTheSeedsDefaults() {
        LayeredSettings s = LayeredSettings.load(Map.of(), new Properties(), Map.of());
        assertThat(s.profile()).isEqualTo("development");
        ComponentConfig api = ComponentConfig.parse(s, LogComponent.API);
        assertThat(api.level()).isEqualTo(Level.DEBUG);
        assertThat(api.bufferSize()).isEqualTo(1000);
        assertThat(s.getSize("rotation.size", 0)).isEqualTo(100L << 20);
        assertThat(s.getInt("backups", 0, 0, 1000)).isEqualTo(10);
        assertThat(s.getPath("dir", null)).isEqualTo(Path.of("./logs"));
    }

    @Test
    void productionProfileFromTheEnvironment() {
        LayeredSettings s =
                LayeredSettings.load(Map.of(), new Properties(), Map.of("GATEWAY_LOG_PROFILE", "production"));
        assertThat(s.profile()).isEqualTo("production");
        assertThat(ComponentConfig.parse(s, LogComponent.API).level()).isEqualTo(Level.INFO);
        assertThat(ComponentConfig.parse(s, LogComponent.API).bufferSize()).isEqualTo(5000);
        assertThat(s.getSize("rotation.size", 0)).isEqualTo(200L << 20);
        assertThat(s.getInt("backups", 0, 0, 1000)).isEqualTo(20);
        assertThat(s.getPath("dir", null)).isEqualTo(Path.of("/var/log/gateway"));
    }

    @Test
    void componentDefaultsFromTheSpec() {
        LayeredSettings s = LayeredSettings.load(Map.of(), new Properties(), Map.of());
        ComponentConfig protocol = ComponentConfig.parse(s, LogComponent.PROTOCOL);
        assertThat(protocol.bufferSize()).isEqualTo(5000);
        assertThat(protocol.bufferMax()).isEqualTo(50000);
        assertThat(protocol.flushInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.forComponent(LogComponent.PROTOCOL).getSize("rotation.size", 0))
                .isEqualTo(200L << 20);
        assertThat(ComponentConfig.parse(s, LogComponent.AUTH).sync()).isTrue();
        assertThat(RetentionSettings.parse(s).days(LogComponent.AUTH)).isEqualTo(365);
        assertThat(RetentionSettings.parse(s).days(LogComponent.METRICS)).isEqualTo(7);
        assertThat(RetentionSettings.parse(s).days(LogComponent.INFRA)).isEqualTo(60);
        assertThat(RetentionSettings.parse(s).days(LogComponent.SYSTEM)).isEqualTo(90);
        assertThat(RetentionSettings.parse(s).days(LogComponent.API)).isEqualTo(30);
    }

    @Test
    void precedenceIsDefaultsFileEnvironmentSystemPropertiesCode() throws IOException {
        Path f = file("level=WARN\nbuffer.size=11\nbackups=3\nflush.interval=2s\ngateway.log.process.name=fromfile\n");
        Map<String, String> env = Map.of(
                "GATEWAY_LOG_CONFIG",
                f.toString(),
                "GATEWAY_LOG_BUFFER_SIZE",
                "22",
                "GATEWAY_LOG_BACKUPS",
                "4",
                "GATEWAY_LOG_FLUSH_INTERVAL",
                "3s");
        Properties sys = props("gateway.log.backups", "5", "gateway.log.flush.interval", "4s");
        LayeredSettings s = LayeredSettings.load(Map.of("flush.interval", "5s"), sys, env);
        assertThat(s.get("level")).hasValue("WARN"); // file beats default
        assertThat(s.get("buffer.size")).hasValue("22"); // env beats file
        assertThat(s.get("backups")).hasValue("5"); // system property beats env
        assertThat(s.get("flush.interval")).hasValue("5s"); // code beats everything
        assertThat(s.get("process.name")).hasValue("fromfile"); // prefixed keys in the file work too
    }

    @Test
    void componentKeyBeatsGlobalKeyBeatsComponentDefault() {
        LayeredSettings s = LayeredSettings.load(
                Map.of("buffer.size", "100", "component.api.buffer.size", "7"), new Properties(), Map.of());
        assertThat(ComponentConfig.parse(s, LogComponent.API).bufferSize()).isEqualTo(7);
        assertThat(ComponentConfig.parse(s, LogComponent.PROTOCOL).bufferSize()).isEqualTo(100);
        assertThat(ComponentConfig.parse(s, LogComponent.SYSTEM).bufferSize()).isEqualTo(100);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"200MB|209715200", "1gb|1073741824", "512KB|524288", "10|10", "1.5K|1536", "0B|0"})
    void sizes(String raw, long bytes) {
        assertThat(SettingParsers.size("rotation.size", raw)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"500ms|500", "0.5s|500", "2m|120000", "1h|3600000", "1d|86400000"})
    void durations(String raw, long millis) {
        assertThat(SettingParsers.duration("flush.interval", raw)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "level|LOUD|TRACE, DEBUG, INFO, WARN or ERROR",
                "buffer.size|0|an integer from 1 to 10000000",
                "buffer.size|many|an integer from 1 to 10000000",
                "component.api.buffer.max|5|an integer at least buffer.size",
                "flush.interval|fast|a duration such as 500ms",
                "flush.interval|0ms|a duration from 1ms to 1h",
                "flush.interval|-1s|a duration such as 500ms",
                "overflow|sometimes|one of block, drop-newest, drop-oldest",
                "component.auth.sync|maybe|true or false",
                "sanitize.enabled|perhaps|true or false",
                "retention.days|0|an integer from 1 to 36500",
                "component.metrics.retention.days|x|an integer from 1 to 36500"
            })
    void invalidSettingsFailNamingKeyValueAndWhatIsAllowed(String key, String value, String allowed) {
        LayeredSettings s = LayeredSettings.load(Map.of(key, value), new Properties(), Map.of());
        assertThatThrownBy(() -> {
                    for (LogComponent c : LogComponent.values()) {
                        ComponentConfig.parse(s, c);
                    }
                })
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining(allowed);
    }

    @Test
    void invalidProfileAndUnreadableFileFailAtLoad() {
        assertThatThrownBy(() -> LayeredSettings.load(Map.of(), props("gateway.log.profile", "staging"), Map.of()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'profile'")
                .hasMessageContaining("'staging'")
                .hasMessageContaining("development or production");
        assertThatThrownBy(() -> LayeredSettings.load(
                        Map.of("config", dir.resolve("missing.properties").toString()), new Properties(), Map.of()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'config'");
    }

    @Test
    void sizesAndDurationsRejectGarbage() {
        assertThatThrownBy(() -> SettingParsers.size("rotation.size", "big"))
                .hasMessageContaining("'rotation.size' = 'big'")
                .hasMessageContaining("200MB");
        assertThatThrownBy(() -> SettingParsers.size("rotation.size", "-1MB"))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> SettingParsers.size("rotation.size", "12 apples"))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> SettingParsers.size("rotation.size", "MB"))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> SettingParsers.duration("x", "10")).hasMessageContaining("500ms");
    }

    @Test
    void keysWithPrefixSeesEverySource() {
        Settings s = LayeredSettings.load(
                Map.of("sink.file.durability", "fsync"),
                props("gateway.log.sink.syslog.port", "514"),
                Map.of("GATEWAY_LOG_SINK_METRICS_ENABLED", "false"));
        assertThat(s.keysWithPrefix("sink."))
                .contains("sink.file.durability", "sink.syslog.port", "sink.metrics.enabled");
    }
}
