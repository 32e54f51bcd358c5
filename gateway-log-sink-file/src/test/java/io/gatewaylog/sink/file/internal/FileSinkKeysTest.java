package io.gatewaylog.sink.file.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.core.internal.config.AuthOnlySettings;
import io.gatewaylog.core.internal.config.SettingsDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file sink's table agrees with README.md and with the core's auth-only list. */
class FileSinkKeysTest {

    @Test
    void readmeDocumentsEveryKeyWithItsDefaults() throws Exception {
        assertThat(SettingsDoc.problems(Files.readString(Path.of("..", "README.md")), FileSinkKeys.KEYS))
                .isEmpty();
    }

    @Test
    void theAuthOnlyFlagsAreTheCoresListOfFileSinkKeys() {
        List<String> flagged = FileSinkKeys.KEYS.stream()
                .filter(SettingKey::isAuthOnly)
                .map(SettingKey::name)
                .toList();
        List<String> listed = AuthOnlySettings.KEYS.stream()
                .filter(k -> k.startsWith(FileSinkKeys.PREFIX))
                .toList();
        assertThat(flagged).containsExactlyInAnyOrderElementsOf(listed);
    }
}
