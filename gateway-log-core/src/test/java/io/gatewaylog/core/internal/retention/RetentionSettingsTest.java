package io.gatewaylog.core.internal.retention;

import static io.gatewaylog.core.internal.retention.LogRoot.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionSettingsTest {

    @Test
    void defaultsAreTheSpecsInBothProfiles() {
        for (String profile : new String[] {"development", "production"}) {
            RetentionSettings s = RetentionSettings.parse(settings("profile", profile));
            assertThat(s.days())
                    .isEqualTo(Map.of(
                            LogComponent.PROTOCOL,
                            30,
                            LogComponent.SYSTEM,
                            90,
                            LogComponent.INFRA,
                            60,
                            LogComponent.API,
                            30,
                            LogComponent.AUTH,
                            365,
                            LogComponent.METRICS,
                            7));
            assertThat(s.enabled()).isTrue();
            assertThat(s.time()).isEqualTo(LocalTime.of(3, 0));
            assertThat(s.thresholdPercent()).isEqualTo(85.0);
            assertThat(s.marginPercent()).isEqualTo(5.0);
            assertThat(s.targetRatio()).isEqualTo(0.80, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.emergencyInterval()).isEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void componentKeyBeatsGlobalKeyWhichBeatsComponentDefault() {
        RetentionSettings s =
                RetentionSettings.parse(settings("retention.days", "14", "component.auth.retention.days", "730"));
        assertThat(s.days(LogComponent.AUTH)).isEqualTo(730);
        assertThat(s.days(LogComponent.METRICS)).isEqualTo(14);
        assertThat(s.days(LogComponent.SYSTEM)).isEqualTo(14);
    }

    @Test
    void globalRetentionKeysNeverChangeAuthOnlyItsOwnKeysDo() {
        for (String profile : new String[] {"development", "production"}) {
            RetentionSettings s = RetentionSettings.parse(
                    settings("profile", profile, "retention.days", "7", profile + ".retention.days", "3"));
            assertThat(s.days(LogComponent.API)).isEqualTo(3);
            assertThat(s.days(LogComponent.AUTH))
                    .as("a global key must not weaken the audit trail")
                    .isEqualTo(365);
        }
        assertThat(RetentionSettings.parse(settings(
                                "retention.days",
                                "7",
                                "production.component.auth.retention.days",
                                "30",
                                "profile",
                                "production"))
                        .days(LogComponent.AUTH))
                .isEqualTo(30);
        assertThat(RetentionSettings.parse(settings()).emergencyAuth()).isFalse();
        assertThat(RetentionSettings.parse(settings("retention.emergency.auth", "true"))
                        .emergencyAuth())
                .isTrue();
    }

    @Test
    void profileQualifiedKeysApplyOnlyInTheirProfile() {
        String[] kv = {
            "production.component.auth.retention.days",
            "1000",
            "production.retention.days",
            "45",
            "production.disk.threshold",
            "92.5",
            "development.disk.threshold",
            "70",
            "component.auth.retention.days",
            "400"
        };
        RetentionSettings prod = RetentionSettings.parse(settings(with(kv, "profile", "production")));
        assertThat(prod.days(LogComponent.AUTH)).isEqualTo(1000);
        assertThat(prod.days(LogComponent.API)).isEqualTo(45);
        assertThat(prod.thresholdPercent()).isEqualTo(92.5);
        RetentionSettings dev = RetentionSettings.parse(settings(with(kv, "profile", "development")));
        assertThat(dev.days(LogComponent.AUTH)).isEqualTo(400);
        assertThat(dev.days(LogComponent.API)).isEqualTo(30);
        assertThat(dev.thresholdPercent()).isEqualTo(70);
    }

    @Test
    void everyKeyIsParsed() {
        RetentionSettings s = RetentionSettings.parse(settings(
                "retention.enabled",
                "false",
                "retention.time",
                "23:59",
                "disk.threshold",
                "90%",
                "retention.emergency.margin",
                "2.5",
                "retention.emergency.interval",
                "5s"));
        assertThat(s.enabled()).isFalse();
        assertThat(s.time()).isEqualTo(LocalTime.of(23, 59));
        assertThat(s.thresholdPercent()).isEqualTo(90);
        assertThat(s.marginPercent()).isEqualTo(2.5);
        assertThat(s.emergencyInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "retention.days|0|an integer from 1 to 36500",
                "component.metrics.retention.days|seven|an integer from 1 to 36500",
                "production.retention.days|-1|an integer from 1 to 36500",
                "retention.time|3:00|a time of day HH:mm",
                "retention.time|24:00|a time of day HH:mm",
                "disk.threshold|0|a percentage from 1 to 100",
                "disk.threshold|101|a percentage from 1 to 100",
                "disk.threshold|NaN|a percentage from 1 to 100",
                "retention.emergency.margin|60|a percentage from 0 to 50",
                "retention.emergency.interval|10ms|a duration from 100ms to 1d",
                "retention.emergency.interval|soon|a duration such as",
                "retention.enabled|maybe|true or false",
            })
    void invalidValuesNameKeyValueAndWhatIsAllowed(String key, String value, String allowed) {
        assertThatThrownBy(() -> RetentionSettings.parse(settings("profile", "production", key, value)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining(allowed);
    }

    @Test
    void marginMustBeBelowThreshold() {
        assertThatThrownBy(() ->
                        RetentionSettings.parse(settings("disk.threshold", "10", "retention.emergency.margin", "10")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("retention.emergency.margin")
                .hasMessageContaining("less than disk.threshold (10)");
    }

    private static String[] with(String[] kv, String k, String v) {
        String[] all = java.util.Arrays.copyOf(kv, kv.length + 2);
        all[kv.length] = k;
        all[kv.length + 1] = v;
        return all;
    }
}
