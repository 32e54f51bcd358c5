package io.gatewaylog.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.SettingParsers;
import io.gatewaylog.core.GatewayLogBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every key set anywhere is a key of the table: unknown ones fail naming the nearest, old ones are reported. */
class SettingsValidatorTest {
    private static final SettingKey<Integer> NEW_KEY = SettingKey.builder(
                    "sink.x.max.names", SettingParsers.integer(1, 10))
            .defaultValue("3")
            .deprecatedAlias("sink.x.max-names")
            .global()
            .build();
    private final List<String> warnings = new ArrayList<>();
    private final Reporter reporter = new Reporter() {
        @Override
        public void warn(String message) {
            warnings.add(message);
        }

        @Override
        public void error(String message, Throwable cause) {
            warnings.add(message);
        }
    };

    private void validate(Map<String, String> code, Map<String, String> env, SettingTable table) {
        SettingsValidator.validate(LayeredSettings.load(code, new Properties(), env), table, reporter);
    }

    @Test
    void anUnknownKeyFailsNamingTheNearestKnownOne() {
        assertThatThrownBy(() -> validate(Map.of("rotaton.size", "1GB"), Map.of(), SettingTable.core()))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.key()).isEqualTo("rotaton.size");
                    assertThat(e.value()).isEqualTo("1GB");
                })
                .hasMessageContaining("unknown setting 'rotaton.size'")
                .hasMessageContaining("did you mean 'rotation.size'?");
        assertThatThrownBy(() -> validate(Map.of("component.api.buffer.sise", "5"), Map.of(), SettingTable.core()))
                .hasMessageContaining("did you mean 'component.api.buffer.size'?");
        assertThatThrownBy(() -> validate(Map.of("production.levle", "INFO"), Map.of(), SettingTable.core()))
                .hasMessageContaining("did you mean 'production.level'?");
        assertThatThrownBy(() -> validate(Map.of("component.billing.level", "INFO"), Map.of(), SettingTable.core()))
                .isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void aSinkKeyMisspeltAfterItsPrefixIsPointedAtTheSharedKey() {
        SettingTable table = SettingTable.core().withSink("x", List.of(NEW_KEY));
        assertThatThrownBy(() -> validate(Map.of("sink.x.rotaton.size", "1GB"), Map.of(), table))
                .hasMessageContaining("did you mean 'rotation.size'?");
    }

    @Test
    void environmentVariablesAreCheckedToo() {
        validate(
                Map.of(),
                Map.of(
                        "GATEWAY_LOG_COMPONENT_AUTH_RETENTION_DAYS",
                        "400",
                        "GATEWAY_LOG_PRODUCTION_LEVEL",
                        "WARN",
                        "GATEWAY_LOG_SANITIZE_PATTERNS_BADGE",
                        "B-\\d+"),
                SettingTable.core());
        assertThatThrownBy(() -> validate(Map.of(), Map.of("GATEWAY_LOG_BUFER_SIZE", "5"), SettingTable.core()))
                .hasMessageContaining("unknown setting 'GATEWAY_LOG_BUFER_SIZE'")
                .hasMessageContaining("did you mean 'GATEWAY_LOG_BUFFER_SIZE'?");
    }

    @Test
    void keysOfASinkThatIsNotOnTheClassPathAreReportedOnceAsIgnored() {
        validate(
                Map.of("sink.kafka.topic", "t", "sink.kafka.components", "all", "sink.kafka.enabled", "true"),
                Map.of(),
                SettingTable.core());
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0))
                .contains("sink 'kafka'")
                .contains("sink.kafka.topic")
                .contains("ignored");
    }

    @Test
    void aSinkThatDeclaresItsKeysHasThemCheckedAndOneThatDoesNotIsLeftAlone() {
        SettingTable table = SettingTable.core().withSink("x", List.of(NEW_KEY)).withSink("legacy", List.of());
        validate(Map.of("sink.x.max.names", "4", "sink.legacy.anything", "y"), Map.of(), table);
        assertThatThrownBy(() -> validate(Map.of("sink.x.max.nmes", "4"), Map.of(), table))
                .hasMessageContaining("did you mean 'sink.x.max.names'?");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aDeprecatedSpellingIsReadAndReportedOnceNamingTheNewKey() {
        SettingTable table = SettingTable.core().withSink("x", List.of(NEW_KEY));
        LayeredSettings s = LayeredSettings.load(Map.of("sink.x.max-names", "7"), new Properties(), Map.of());
        SettingsValidator.validate(s, table, reporter);
        assertThat(warnings).containsExactly("setting 'sink.x.max-names' is deprecated: write 'sink.x.max.names'");
        assertThat(s.get(NEW_KEY)).isEqualTo(7);
        assertThatThrownBy(() -> LayeredSettings.load(Map.of("sink.x.max-names", "70"), new Properties(), Map.of())
                        .get(NEW_KEY))
                .hasMessageContaining("'sink.x.max-names' = '70'");
    }

    @Test
    void aGlobalKeyCannotBeSetForOneComponent() {
        assertThatThrownBy(
                        () -> validate(Map.of("component.api.shutdown.hook", "false"), Map.of(), SettingTable.core()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("every component");
    }

    @Test
    void theProfileOverlayAppliesToEveryKey() {
        Map<String, String> code = Map.of(
                "production.level",
                "WARN",
                "level",
                "ERROR",
                "production.component.api.buffer.size",
                "7",
                "production.buffer.max",
                "70000");
        LayeredSettings prod = LayeredSettings.load(
                Map.of("profile", "production"), new Properties(), Map.of("GATEWAY_LOG_PRODUCTION_LEVEL", "WARN"));
        assertThat(ComponentConfig.parse(prod, LogComponent.API).level()).isEqualTo(Level.WARN);
        LayeredSettings p = LayeredSettings.load(with(code, "profile", "production"), new Properties(), Map.of());
        assertThat(ComponentConfig.parse(p, LogComponent.API).level()).isEqualTo(Level.WARN);
        assertThat(ComponentConfig.parse(p, LogComponent.API).bufferSize()).isEqualTo(7);
        assertThat(ComponentConfig.parse(p, LogComponent.SYSTEM).bufferMax()).isEqualTo(70000);
        LayeredSettings dev = LayeredSettings.load(code, new Properties(), Map.of());
        assertThat(ComponentConfig.parse(dev, LogComponent.API).level()).isEqualTo(Level.ERROR);
        validate(code, Map.of(), SettingTable.core());
    }

    @Test
    void startUpRefusesAnUnknownKeyBeforeAnythingStarts() {
        assertThatThrownBy(() -> GatewayLogBackend.builder()
                        .discoverSinks(false)
                        .setting("levle", "INFO")
                        .setting("shutdown.hook", "false")
                        .bindGlobalContext(false)
                        .build())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("did you mean 'level'?");
    }

    @Test
    void theCoreTableMarksExactlyTheAuthOnlyKeysOfTheCore() {
        List<String> flagged = CoreSettings.KEYS.stream()
                .filter(SettingKey::isAuthOnly)
                .map(SettingKey::name)
                .toList();
        List<String> listed = AuthOnlySettings.KEYS.stream()
                .filter(k -> !k.startsWith("sink."))
                .toList();
        assertThat(flagged).containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void readmeDocumentsEveryCoreKeyWithItsDefaults() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(SettingsDoc.problems(readme, CoreSettings.KEYS)).isEmpty();
    }

    private static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> copy = new java.util.HashMap<>(m);
        copy.put(k, v);
        return copy;
    }
}
