package io.gatewaylog.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.SettingParsers;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Two defects a review of the settings model found: a deprecated spelling lost to the new spelling of a weaker
 * source (an environment variable spells both alike), and a profile's overlay of a family key (a custom
 * sanitizer pattern) was accepted but never applied.
 */
class SpellingAndOverlayPrecedenceTest {
    private static final SettingKey<String> MODE = SettingKey.builder("sink.x.dir.mode", SettingParsers.string())
            .deprecatedAlias("sink.x.dir-mode")
            .defaultValue("0750")
            .build();

    @Test
    void aDeprecatedSpellingInCodeStillBeatsTheEnvironment() {
        LayeredSettings s = LayeredSettings.load(
                Map.of("sink.x.dir-mode", "0700"),
                new Properties(),
                Map.of(LayeredSettings.envName("sink.x.dir.mode"), "0755"));

        assertThat(s.get(MODE)).isEqualTo("0700");
        assertThat(s.forComponent(LogComponent.API).get(MODE)).isEqualTo("0700");
    }

    @Test
    void aDeprecatedSpellingPerComponentStillBeatsTheGlobalKey() {
        LayeredSettings s = LayeredSettings.load(
                Map.of("component.protocol.sink.x.dir-mode", "0700", "sink.x.dir.mode", "0755"),
                new Properties(),
                Map.of());

        assertThat(s.forComponent(LogComponent.PROTOCOL).get(MODE)).isEqualTo("0700");
        assertThat(s.forComponent(LogComponent.API).get(MODE)).isEqualTo("0755");
    }

    @Test
    void theNewSpellingWinsInTheSameSourceAndTheDefaultAppliesWhenNeitherIsSet() {
        LayeredSettings both = LayeredSettings.load(
                Map.of("sink.x.dir-mode", "0700", "sink.x.dir.mode", "0711"), new Properties(), Map.of());
        LayeredSettings none = LayeredSettings.load(Map.of(), new Properties(), Map.of());

        assertThat(both.get(MODE)).isEqualTo("0711");
        assertThat(none.get(MODE)).isEqualTo("0750");
    }

    @Test
    void aProfilesOverlayOfAFamilyKeyIsFoundByPrefixUnderItsPlainName() {
        Properties sys = new Properties();
        sys.setProperty("gateway.log.production.sanitize.patterns.badge", "BADGE-[0-9]+");
        LayeredSettings s = LayeredSettings.load(
                Map.of("profile", "production"),
                sys,
                Map.of("GATEWAY_LOG_PRODUCTION_SINK_KAFKA_CLIENT_LINGER_MS", "5"));

        assertThat(s.keysWithPrefix("sanitize.patterns.")).containsExactly("sanitize.patterns.badge");
        assertThat(s.get("sanitize.patterns.badge")).contains("BADGE-[0-9]+");
        assertThat(s.keysWithPrefix("sink.kafka.client.")).containsExactly("sink.kafka.client.linger.ms");
        assertThat(s.get("sink.kafka.client.linger.ms")).contains("5");
    }

    @Test
    void anotherProfilesOverlayIsNotApplied() {
        Properties sys = new Properties();
        sys.setProperty("gateway.log.production.sanitize.patterns.badge", "BADGE-[0-9]+");
        LayeredSettings s = LayeredSettings.load(Map.of(), sys, Map.of());

        assertThat(s.keysWithPrefix("sanitize.patterns.")).isEmpty();
    }
}
