package io.gatewaylog.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.Fields;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.internal.PrintingReporter;
import io.gatewaylog.core.internal.sanitize.Sanitizer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The fallback when sanitizing a record fails: the record's text is withheld, and its context, logger and
 * thread names still pass through the real sanitizer (or are withheld too): never written unchecked.
 */
class SafeSanitizerFallbackTest {
    private static final String EMAIL = "alice@example.com";

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintingReporter reporter = new PrintingReporter(new PrintStream(err, true, StandardCharsets.UTF_8));

    private static LogRecord record() {
        return LogRecord.builder(Level.INFO, LogComponent.API, "for " + EMAIL)
                .thread("thread " + EMAIL, 7)
                .message("secret " + EMAIL)
                .fields(Fields.of("a", EMAIL))
                .context(Map.of("customer_email", EMAIL, "session_id", "abc123"))
                .cause(new RuntimeException(EMAIL))
                .build();
    }

    @Test
    void whenTheFieldsFailTheContextAndNamesAreStillSanitized() {
        Sanitizer real = Sanitizer.defaults();
        UnaryOperator<LogRecord> failsOnFields = r -> {
            if (!r.fields().isEmpty()) {
                throw new StackOverflowError();
            }
            return real.sanitize(r);
        };
        LogRecord out = new SafeSanitizer(failsOnFields, reporter).apply(record());
        assertThat(out.message()).isEqualTo("[withheld: sanitizer failed: java.lang.StackOverflowError]");
        assertThat(out.fields()).isEmpty();
        assertThat(out.error()).isNull();
        assertThat(out.context()).containsEntry("customer_email", "[email]").containsEntry("session_id", "[redacted]");
        assertThat(out.logger()).isEqualTo("for [email]");
        assertThat(out.threadName()).isEqualTo("thread [email]");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("StackOverflowError")
                .doesNotContain(EMAIL);
    }

    @Test
    void whenEverythingFailsNothingOfTheRecordIsWritten() {
        UnaryOperator<LogRecord> alwaysFails = r -> {
            throw new OutOfMemoryError("simulated");
        };
        LogRecord out = new SafeSanitizer(alwaysFails, reporter).apply(record());
        assertThat(out.toString()).doesNotContain(EMAIL, "abc123");
        assertThat(out.context()).isEmpty();
        assertThat(out.logger()).isEqualTo(SafeSanitizer.WITHHELD);
        assertThat(out.threadName()).isEqualTo(SafeSanitizer.WITHHELD);
    }
}
