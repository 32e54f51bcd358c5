package io.gatewaylog.sink.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.core.GatewayLogBackend;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileSinkConfigTest {

    private static FileSinkConfig parse(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return FileSinkConfig.parse(TestContext.settings(m));
    }

    @Test
    void developmentDefaults() {
        FileSinkConfig c = parse();
        assertThat(c.root()).isEqualTo(Paths.get("./logs"));
        FileSettings api = c.component(LogComponent.API);
        assertThat(api.directory()).isEqualTo(Paths.get("./logs/api"));
        assertThat(api.currentFile()).isEqualTo(Paths.get("./logs/api/current.log"));
        assertThat(api.rotationSize()).isEqualTo(100L << 20);
        assertThat(api.backups()).isEqualTo(10);
        assertThat(api.durability()).isEqualTo(Durability.BUFFERED);
        assertThat(PosixFilePermissions.toString(api.dirMode())).isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(api.fileMode())).isEqualTo("rw-r-----");
        assertThat(api.compress()).isTrue();
        assertThat(api.compressionLevel()).isEqualTo(1);
        FileSettings auth = c.component(LogComponent.AUTH);
        assertThat(auth.durability()).isEqualTo(Durability.FSYNC);
        assertThat(PosixFilePermissions.toString(auth.dirMode())).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(auth.fileMode())).isEqualTo("rw-------");
        FileSettings protocol = c.component(LogComponent.PROTOCOL);
        assertThat(protocol.rotationSize()).isEqualTo(200L << 20);
        assertThat(protocol.backups()).isEqualTo(20);
    }

    @Test
    void productionDefaults() {
        FileSinkConfig c = parse("profile", "production");
        assertThat(c.root()).isEqualTo(Paths.get("/var/log/gateway"));
        assertThat(c.component(LogComponent.SYSTEM).rotationSize()).isEqualTo(200L << 20);
        assertThat(c.component(LogComponent.SYSTEM).backups()).isEqualTo(20);
    }

    @Test
    void componentKeysBeatGlobalOnesAndModesAcceptOctalOrSymbolicForms() {
        FileSinkConfig c = parse(
                "dir",
                "/tmp/x",
                "rotation.size",
                "5MB",
                "component.api.rotation.size",
                "1KB",
                "backups",
                "3",
                "sink.file.durability",
                "flush",
                "component.system.sink.file.durability",
                "FSYNC",
                "sink.file.strict.permissions",
                "false",
                "sink.file.dir-mode",
                "770",
                "sink.file.file-mode",
                "rw-rw----",
                "sink.file.compress",
                "false",
                "component.metrics.sink.file.compression-level",
                "9");
        assertThat(c.root()).isEqualTo(Path.of("/tmp/x"));
        assertThat(c.component(LogComponent.API).rotationSize()).isEqualTo(1024);
        assertThat(c.component(LogComponent.INFRA).rotationSize()).isEqualTo(5L << 20);
        assertThat(c.component(LogComponent.INFRA).backups()).isEqualTo(3);
        assertThat(c.component(LogComponent.INFRA).durability()).isEqualTo(Durability.FLUSH);
        assertThat(c.component(LogComponent.SYSTEM).durability()).isEqualTo(Durability.FSYNC);
        assertThat(FilePermissions.octal(c.component(LogComponent.INFRA).dirMode()))
                .isEqualTo("0770");
        assertThat(FilePermissions.octal(c.component(LogComponent.INFRA).fileMode()))
                .isEqualTo("0660");
        assertThat(FilePermissions.octal(c.rootMode())).isEqualTo("0770");
        assertThat(c.component(LogComponent.INFRA).compress()).isFalse();
        assertThat(c.component(LogComponent.METRICS).compressionLevel()).isEqualTo(9);
    }

    @Test
    void compressDelayIsZeroByDefaultAndSetGloballyOrPerComponent() {
        assertThat(parse().component(LogComponent.API).compressDelay()).isZero();
        FileSinkConfig c = parse(
                "sink.file.compress.delay",
                "30s",
                "component.metrics.sink.file.compress.delay",
                "0.5s",
                "component.auth.sink.file.compress.delay",
                "0s");
        assertThat(c.component(LogComponent.API).compressDelay()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(c.component(LogComponent.METRICS).compressDelay()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(c.component(LogComponent.AUTH).compressDelay()).isZero();
        assertThat(parse("sink.file.compress.delay", "1d")
                        .component(LogComponent.API)
                        .compressDelay())
                .isEqualTo(java.time.Duration.ofDays(1));
    }

    @Test
    void authsSecuritySettingsChangeOnlyThroughItsOwnKeys() {
        FileSinkConfig global =
                parse("sink.file.durability", "buffered", "sink.file.file-mode", "0644", "sink.file.dir-mode", "0755");
        FileSettings auth = global.component(LogComponent.AUTH);
        assertThat(auth.durability()).isEqualTo(Durability.FSYNC);
        assertThat(FilePermissions.octal(auth.fileMode())).isEqualTo("0600");
        assertThat(FilePermissions.octal(auth.dirMode())).isEqualTo("0700");
        FileSettings own = parse(
                        "component.auth.sink.file.durability",
                        "flush",
                        "component.auth.sink.file.file-mode",
                        "0640",
                        "component.auth.sink.file.dir-mode",
                        "0750")
                .component(LogComponent.AUTH);
        assertThat(own.durability()).isEqualTo(Durability.FLUSH);
        assertThat(FilePermissions.octal(own.fileMode())).isEqualTo("0640");
        assertThat(FilePermissions.octal(own.dirMode())).isEqualTo("0750");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sink.file.durability|sometimes|sink.file.durability|buffered, flush or fsync",
                "component.api.sink.file.durability|x|component.api.sink.file.durability|buffered, flush or fsync",
                "component.auth.sink.file.durability|none|component.auth.sink.file.durability|buffered, flush or fsync",
                "sink.file.dir-mode|0650|sink.file.dir-mode|gives the owner at least rwx------",
                "sink.file.dir-mode|banana|sink.file.dir-mode|an octal mode such as 0750 (or rwxr-x---)",
                "sink.file.dir-mode|1777|sink.file.dir-mode|an octal mode",
                "sink.file.file-mode|0440|sink.file.file-mode|gives the owner at least rw-------",
                "sink.file.file-mode|rw-r--r-x-|sink.file.file-mode|an octal mode such as 0640",
                "component.auth.sink.file.file-mode|0400|component.auth.sink.file.file-mode|such as 0600",
                "component.auth.sink.file.dir-mode|0600|component.auth.sink.file.dir-mode|such as 0700",
                "sink.file.compress|maybe|sink.file.compress|true or false",
                "sink.file.compression-level|0|sink.file.compression-level|an integer from 1 to 9",
                "component.api.sink.file.compression-level|10|component.api.sink.file.compression-level|an integer from 1 to 9",
                "sink.file.compress.delay|soon|sink.file.compress.delay|a duration such as 500ms",
                "sink.file.compress.delay|-1s|sink.file.compress.delay|a duration such as 500ms",
                "sink.file.compress.delay|2d|sink.file.compress.delay|a duration from 0 to 1d",
                "component.api.sink.file.compress.delay|25h|component.api.sink.file.compress.delay|a duration from 0 to 1d",
                "rotation.size|lots|rotation.size|a size such as",
                "rotation.size|100|rotation.size|a size from 1KB to 1TB",
                "component.api.rotation.size|2TB|component.api.rotation.size|a size from 1KB to 1TB",
                "backups|-1|backups|an integer from 0 to 100000",
                "component.metrics.backups|many|component.metrics.backups|an integer from 0 to 100000",
                "sink.file.durabilty|fsync|sink.file.durabilty|a file sink setting: sink.file.durability",
                "component.api.sink.file.mode|0640|component.api.sink.file.mode|a file sink setting",
                "dir|bad\u0000path|dir|a file system path",
            })
    void everySettingIsValidatedNamingKeyValueAndWhatIsAllowed(String key, String value, String named, String allowed) {
        assertThatThrownBy(() -> parse(key, value))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.key()).isEqualTo(named);
                    assertThat(e.value()).isEqualTo(value);
                })
                .hasMessageContaining("'" + named + "'")
                .hasMessageContaining(allowed);
    }

    @Test
    void anInvalidSettingFailsTheBackendsStartUp(@TempDir Path dir) {
        assertThatThrownBy(() -> GatewayLogBackend.builder()
                        .setting("dir", dir.toString())
                        .setting("shutdown.hook", "false")
                        .setting("console.enabled", "false")
                        .setting("sink.file.durability", "eventually")
                        .build())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid setting 'sink.file.durability' = 'eventually': allowed: buffered, flush or fsync");
    }

    @Test
    void keysFromEnvironmentVariablesAreRecognised() {
        var settings = io.gatewaylog.core.internal.config.LayeredSettings.load(
                Map.of(),
                new java.util.Properties(),
                Map.of("GATEWAY_LOG_SINK_FILE_DIR_MODE", "0700", "GATEWAY_LOG_SINK_FILE_COMPRESSION_LEVEL", "2"));
        FileSinkConfig c = FileSinkConfig.parse(settings);
        assertThat(FilePermissions.octal(c.component(LogComponent.API).dirMode()))
                .isEqualTo("0700");
        assertThat(c.component(LogComponent.API).compressionLevel()).isEqualTo(2);
    }
}
