package io.gatewaylog.core.internal.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveKeysTest {
    private final SensitiveKeys keys = SensitiveKeys.defaults();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password",
                "PASSWORD",
                "Password",
                "db_password",
                "dbPassword",
                "user.password",
                "passwd",
                "pwd",
                "apiKey",
                "api_key",
                "API-KEY",
                "X-Api-Key",
                "x_api_key",
                "secret",
                "client_secret",
                "clientSecret",
                "aws_secret_access_key",
                "token",
                "access_token",
                "refreshToken",
                "X-Auth-Token",
                "id_token",
                "csrftoken",
                "authorization",
                "Proxy-Authorization",
                "cookie",
                "Set-Cookie",
                "JSESSIONID",
                "PHPSESSID",
                "session_id",
                "sessionId",
                "card_number",
                "cardNumber",
                "cvv",
                "CVV2",
                "card_cvc",
                "ssn",
                "userSSN",
                "pin",
                "card_pin",
                "private_key",
                "privateKey",
                "credentials",
                "otp",
                "phone_number",
                "msisdn",
                "connection_string",
                "password_",
                "_token"
            })
    void sensitive(String key) {
        assertThat(keys.isSensitive(key)).as(key).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "token_count",
                "tokenCount",
                "password_reset_at",
                "passwordResetAt",
                "password_policy",
                "secret_rotation_days",
                "token_type",
                "tokens_used",
                "max_tokens",
                "has_password",
                "hasPassword",
                "isTokenValid",
                "is_secret",
                "spin",
                "shipping",
                "span",
                "japan",
                "lookup",
                "tokenizer",
                "key",
                "routing_key",
                "cache_key",
                "api_key_id",
                "card_type",
                "card_last4",
                "phone_type",
                "headphone",
                "auth_method",
                "session",
                "request_id",
                "customer_id",
                "message",
                "",
                "___",
                "12"
            })
    void notSensitive(String key) {
        assertThat(keys.isSensitive(key)).as(key).isFalse();
    }

    @Test
    void extraWordsAndAllowList() {
        SensitiveKeys custom = SensitiveKeys.of(List.of("customer-ref", "iccid"), List.of("csrf_token", "X-Api-Key"));
        assertThat(custom.isSensitive("customerRef")).isTrue();
        assertThat(custom.isSensitive("sim_iccid")).isTrue();
        assertThat(custom.isSensitive("CSRF-Token")).isFalse();
        assertThat(custom.isSensitive("xApiKey")).isFalse();
        assertThat(custom.isSensitive("api_key")).isTrue();
    }

    @Test
    void normalise() {
        assertThat(SensitiveKeys.normalise("X-Api_Key.v2")).isEqualTo("xapikeyv2");
    }
}
