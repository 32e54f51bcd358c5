package io.gatewaylog.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.core.internal.retention.RetentionSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Global settings cannot weaken auth; the new buffer and sync settings fail fast with a clear message. */
class AuthOnlySettingsTest {

    private static LayeredSettings settings(Map<String, String> code, Map<String, String> env) {
        return LayeredSettings.load(code, new Properties(), env);
    }

    @ParameterizedTest
    @CsvSource({
        "sync, false",
        "sanitize.enabled, false",
        "sanitize.rules.disabled, email",
        "sanitize.keys.allow, password",
        "retention.days, 1",
        "sink.file.audit, false",
        "sink.file.durability, buffered",
        "sink.file.file-mode, 0644",
        "sink.file.dir-mode, 0755",
    })
    void aGlobalKeyOnTheListDoesNotReachAuthButReachesTheOthers(String key, String value) {
        Settings root = settings(Map.of(key, value), Map.of());
        assertThat(root.forComponent(LogComponent.AUTH).get(key)).isNotEqualTo(java.util.Optional.of(value));
        assertThat(root.forComponent(LogComponent.API).get(key)).contains(value);
        Settings own = settings(Map.of("component.auth." + key, value), Map.of());
        assertThat(own.forComponent(LogComponent.AUTH).get(key)).contains(value);
    }

    @Test
    void fromTheEnvironmentToo() {
        Settings root = settings(
                Map.of(), Map.of("GATEWAY_LOG_SYNC", "false", "GATEWAY_LOG_COMPONENT_AUTH_RETENTION_DAYS", "400"));
        assertThat(ComponentConfig.parse(root, LogComponent.AUTH).sync()).isTrue();
        assertThat(RetentionSettings.parse(root).days(LogComponent.AUTH)).isEqualTo(400);
    }

    @Test
    void authKeepsItsDefaultsAgainstGlobalKeys() {
        Settings root = settings(Map.of("sync", "false", "retention.days", "3", "sanitize.enabled", "false"), Map.of());
        ComponentConfig auth = ComponentConfig.parse(root, LogComponent.AUTH);
        assertThat(auth.sync()).isTrue();
        assertThat(RetentionSettings.parse(root).days(LogComponent.AUTH)).isEqualTo(365);
        assertThat(auth.sanitize()).isTrue();
        ComponentConfig api = ComponentConfig.parse(root, LogComponent.API);
        assertThat(RetentionSettings.parse(root).days(LogComponent.API)).isEqualTo(3);
        assertThat(api.sanitize()).isFalse();
    }

    @Test
    void settingsThatOnlyAddProtectionStillApplyToAuth() {
        Settings root = settings(Map.of("sanitize.keys.extra", "badge_id"), Map.of());
        assertThat(root.forComponent(LogComponent.AUTH).get("sanitize.keys.extra"))
                .contains("badge_id");
    }

    @Test
    void aGlobalSyncTimeoutCannotMakeAuthGiveUpSooner() {
        // sync.timeout=0ms globally would make auth give a record up at once on a full disk
        Settings global = settings(Map.of("sync.timeout", "0ms"), Map.of());
        assertThat(ComponentConfig.parse(global, LogComponent.AUTH).syncTimeout())
                .isEqualTo(Duration.ofSeconds(1));
        Settings own = settings(Map.of("component.auth.sync.timeout", "3s"), Map.of());
        assertThat(ComponentConfig.parse(own, LogComponent.AUTH).syncTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theListIsOneAndKnowsEnvironmentSpellings() {
        assertThat(AuthOnlySettings.isAuthOnly(LogComponent.AUTH, "sink.file.file.mode"))
                .isTrue();
        assertThat(AuthOnlySettings.isAuthOnly(LogComponent.API, "sync")).isFalse();
        assertThat(AuthOnlySettings.isAuthOnly(LogComponent.AUTH, "level")).isFalse();
    }

    @Test
    void newSettingsHaveDefaults() {
        ComponentConfig api = ComponentConfig.parse(settings(Map.of(), Map.of()), LogComponent.API);
        assertThat(api.bufferMaxBytes()).isEqualTo(64L << 20);
        assertThat(api.syncTimeout()).isEqualTo(Duration.ofSeconds(1));
        ComponentConfig prod =
                ComponentConfig.parse(settings(Map.of("profile", "production"), Map.of()), LogComponent.PROTOCOL);
        assertThat(prod.bufferMaxBytes()).isEqualTo(64L << 20);
    }

    @ParameterizedTest
    @CsvSource({
        "buffer.max.bytes, lots, buffer.max.bytes, 'a size'",
        "buffer.max.bytes, 1KB, buffer.max.bytes, 'a size from 64KB to 1TB'",
        "component.api.buffer.max.bytes, 2TB, component.api.buffer.max.bytes, 'a size from 64KB to 1TB'",
        "sync.timeout, soon, sync.timeout, 'a duration'",
        "component.auth.sync.timeout, 11m, component.auth.sync.timeout, 'a duration from 0ms to 10m'",
    })
    void invalidValuesNameTheSettingTheValueAndWhatIsAllowed(String key, String value, String named, String allowed) {
        Settings root = settings(Map.of(key, value), Map.of());
        assertThatThrownBy(() -> {
                    for (LogComponent c : LogComponent.values()) {
                        ComponentConfig.parse(root, c);
                    }
                })
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(named)
                .hasMessageContaining(value)
                .hasMessageContaining(allowed);
    }

    @Test
    void startUpNamesTheGlobalKeysAuthDoesNotTake() {
        Settings root = settings(
                Map.of(
                        "sync",
                        "false",
                        "sink.file.file-mode",
                        "0644",
                        "sanitize.enabled",
                        "true",
                        "component.auth.retention.days",
                        "400",
                        "retention.days",
                        "400"),
                Map.of());
        assertThat(AuthOnlySettings.ignoredForAuth(root)).containsExactly("sync=false", "sink.file.file-mode=0644");
    }
}
