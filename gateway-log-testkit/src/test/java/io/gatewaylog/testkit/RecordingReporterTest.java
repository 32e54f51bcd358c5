package io.gatewaylog.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RecordingReporterTest {
    @Test
    void keepsWarningsAndErrorsApartAndTogetherInOrder() {
        RecordingReporter reporter = new RecordingReporter();
        reporter.warn("first");
        reporter.error("second", new IOException("disk"));
        reporter.error("third", null);

        assertThat(reporter.warnings()).containsExactly("first");
        assertThat(reporter.errors()).containsExactly("second: java.io.IOException: disk", "third");
        assertThat(reporter.messages()).containsExactly("first", "second: java.io.IOException: disk", "third");
        assertThat(reporter.count("d")).isEqualTo(2);
        assertThat(reporter).hasToString("first\nsecond: java.io.IOException: disk\nthird");

        reporter.clear();
        assertThat(reporter.messages()).isEmpty();
        assertThat(reporter.warnings()).isEmpty();
        assertThat(reporter.errors()).isEmpty();
    }
}
