package io.gatewaylog.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the encoders' table of ready strings keeps, and what it never keeps. */
class SerializedStringsTest {
    private static SerializedStrings warm() {
        SerializedStrings strings = new SerializedStrings(s -> SafeText.clean(s, 100));
        for (int i = 0; i < SerializedStrings.WARM_UP; i++) {
            assertThat(strings.lookup("warming"))
                    .as("nothing is kept during the warm-up")
                    .isNull();
        }
        return strings;
    }

    @Test
    void aThreadThatEncodesLittleKeepsNoTable() {
        SerializedStrings strings = new SerializedStrings(s -> s);
        String s = "customer_123";
        for (int i = 0; i < SerializedStrings.WARM_UP - 1; i++) {
            assertThat(strings.lookup(s)).isNull();
        }
    }

    @Test
    void theSameInstanceIsReadyFromItsSecondSighting() {
        SerializedStrings strings = warm();
        String s = "say \"hi\"\r\n";
        assertThat(strings.lookup(s)).isNull();
        assertThat(strings.lookup(s)).isNotNull();
        assertThat(new String(strings.lookup(s).asQuotedUTF8(), StandardCharsets.UTF_8))
                .isEqualTo("say \\\"hi\\\"\\r\\n");
    }

    @Test
    void anEqualButDistinctStringIsNotTakenForIt() {
        SerializedStrings strings = warm();
        String a = new String("endpoint".toCharArray());
        strings.lookup(a);
        strings.lookup(a);
        assertThat(strings.lookup(new String("endpoint".toCharArray()))).isNull();
    }

    @Test
    void longStringsAreNeverKept() {
        SerializedStrings strings = warm();
        String s = "x".repeat(SerializedStrings.MAX_CHARS + 1);
        for (int i = 0; i < 3; i++) {
            assertThat(strings.lookup(s)).isNull();
        }
    }

    @Test
    void valuesThatNeverRepeatDoNotEvictOneThatDoes() {
        SerializedStrings strings = warm();
        String endpoint = "/api/v1/messages";
        strings.lookup(endpoint);
        strings.lookup(endpoint);
        for (int i = 0; i < 100_000; i++) {
            strings.lookup(Integer.toString(i));
            assertThat(strings.lookup(endpoint)).isNotNull();
        }
    }
}
