package io.gatewaylog.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.internal.PrintingReporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one stderr reporter: prefixed lines, a cause's stack once per message, System.err as it is at the report. */
class ReporterTest {

    @Test
    void stderrIsOneSharedReporterWritingToSystemErrAsItIsAtEachReport() {
        assertThat(Reporter.stderr()).isSameAs(Reporter.stderr());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Reporter.stderr().warn("reporter test: a sink is slow");
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("gateway-log: WARN reporter test: a sink is slow" + System.lineSeparator());
    }

    @Test
    void anErrorCarriesItsCauseOnTheLineAndItsStackOnlyTheFirstTimeItsMessageIsReported() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reporter reporter = new PrintingReporter(new PrintStream(out, true, StandardCharsets.UTF_8));
        IllegalStateException cause = new IllegalStateException("disk gone");
        reporter.error("the file sink failed", cause);
        String first = out.toString(StandardCharsets.UTF_8);
        String line = "gateway-log: ERROR the file sink failed (java.lang.IllegalStateException: disk gone)"
                + System.lineSeparator();
        assertThat(first).startsWith(line);
        assertThat(first).contains("\tat " + ReporterTest.class.getName());
        out.reset();
        reporter.error("the file sink failed", cause);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(line);
        out.reset();
        reporter.error("no cause", null);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("gateway-log: ERROR no cause" + System.lineSeparator());
    }
}
