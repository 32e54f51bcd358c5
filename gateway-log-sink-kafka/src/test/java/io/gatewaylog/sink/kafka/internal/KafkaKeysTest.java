package io.gatewaylog.sink.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.core.internal.config.SettingsDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Kafka sink's table agrees with README.md. */
class KafkaKeysTest {

    @Test
    void readmeDocumentsEveryKeyWithItsDefaults() throws Exception {
        assertThat(SettingsDoc.problems(Files.readString(Path.of("..", "README.md")), KafkaKeys.KEYS))
                .isEmpty();
    }
}
