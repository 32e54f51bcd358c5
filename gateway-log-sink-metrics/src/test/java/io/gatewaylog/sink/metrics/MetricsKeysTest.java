package io.gatewaylog.sink.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.core.internal.config.SettingsDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The metrics sink's table agrees with README.md. */
class MetricsKeysTest {

    @Test
    void readmeDocumentsEveryKeyWithItsDefaults() throws Exception {
        assertThat(SettingsDoc.problems(
                        Files.readString(Path.of("..", "README.md")), new MetricsSinkProvider().settings()))
                .isEmpty();
    }
}
