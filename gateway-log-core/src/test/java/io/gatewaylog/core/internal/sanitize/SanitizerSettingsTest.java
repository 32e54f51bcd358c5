package io.gatewaylog.core.internal.sanitize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.core.internal.config.LayeredSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The {@code sanitize.*} settings, read through the core's real settings. */
class SanitizerSettingsTest {

    private static Sanitizer sanitizer(LogComponent c, String... keyValues) {
        Map<String, String> code = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            code.put(keyValues[i], keyValues[i + 1]);
        }
        Settings settings =
                LayeredSettings.load(code, new Properties(), Map.of()).forComponent(c);
        return Sanitizer.create(settings);
    }

    @Test
    void defaultsAreOnWithEveryRule() {
        Sanitizer s = sanitizer(LogComponent.API);
        assertThat(s.enabled()).isTrue();
        assertThat(s.sanitizeText("a@example.com 4111111111111111")).isEqualTo("[email] [card:****1111]");
    }

    @Test
    void switchedOffGloballyOrPerComponent() {
        assertThat(sanitizer(LogComponent.API, "sanitize.enabled", "false").enabled())
                .isFalse();
        assertThat(sanitizer(LogComponent.API, "component.api.sanitize.enabled", "false")
                        .enabled())
                .isFalse();
        assertThat(sanitizer(LogComponent.AUTH, "component.api.sanitize.enabled", "false")
                        .enabled())
                .isTrue();
    }

    @Test
    void rulesCanBeDisabled() {
        Sanitizer s = sanitizer(LogComponent.PROTOCOL, "sanitize.rules.disabled", "phone, email,KEYS");
        assertThat(s.sanitizeText("call +44 20 7946 0958 or a@example.com, ssn 078-05-1120"))
                .isEqualTo("call +44 20 7946 0958 or a@example.com, ssn [ssn]");
        assertThat(s.isSensitiveKey("password")).isFalse();
    }

    @Test
    void extraAndAllowedKeys() {
        Sanitizer s = sanitizer(
                LogComponent.API, "sanitize.keys.extra", "iccid, customer-ref", "sanitize.keys.allow", "csrf_token");
        assertThat(s.isSensitiveKey("sim_iccid")).isTrue();
        assertThat(s.isSensitiveKey("customerRef")).isTrue();
        assertThat(s.isSensitiveKey("csrfToken")).isFalse();
        assertThat(s.sanitizeText("iccid=8944500102198304826 csrf_token=abc"))
                .isEqualTo("iccid=[secret] csrf_token=abc");
    }

    @Test
    void userPatternsGlobalAndPerComponent() {
        Sanitizer api = sanitizer(
                LogComponent.API,
                "sanitize.patterns.employee-id",
                "EMP-\\d{6}",
                "component.auth.sanitize.patterns.badge",
                "BADGE[0-9]{4}");
        assertThat(api.sanitizeText("by EMP-123456 with BADGE1234")).isEqualTo("by [employee-id] with BADGE1234");
        Sanitizer auth = sanitizer(
                LogComponent.AUTH,
                "sanitize.patterns.employee-id",
                "EMP-\\d{6}",
                "component.auth.sanitize.patterns.badge",
                "BADGE[0-9]{4}");
        assertThat(auth.sanitizeText("by EMP-123456 with BADGE1234")).isEqualTo("by [employee-id] with [badge]");
        String clean = "nothing here";
        assertThat(auth.sanitizeText(clean)).isSameAs(clean);
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> sanitizer(LogComponent.API, "sanitize.rules.disabled", "email,nope"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("sanitize.rules.disabled")
                .hasMessageContaining("nope")
                .hasMessageContaining("card");
        assertThatThrownBy(() -> sanitizer(LogComponent.API, "sanitize.patterns.broken", "([a-z"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("sanitize.patterns.broken")
                .hasMessageContaining("regular expression");
        assertThatThrownBy(() -> sanitizer(LogComponent.API, "sanitize.patterns.Bad Name", "x"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("pattern name");
        assertThatThrownBy(() -> sanitizer(LogComponent.API, "sanitize.keys.extra", "ok,--"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("sanitize.keys.extra");
        assertThatThrownBy(() -> sanitizer(LogComponent.API, "sanitize.enabled", "maybe"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("sanitize.enabled");
    }
}
