package io.gatewaylog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.slf4j.testing.FreshRecords;
import io.gatewaylog.slf4j.testing.TestBackendProvider;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@FreshRecords
class Slf4jFormattingTest {
    private static final String NAME = "test.slf4j.formatting";
    private final Logger log = LoggerFactory.getLogger(NAME);

    private LogRecord only() {
        List<LogRecord> records = TestBackendProvider.records(NAME);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void slf4jBindsToThisProvider() {
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
                .isEqualTo("io.gatewaylog.slf4j.internal.Slf4jLoggerFactory");
    }

    @Test
    void fillsPlaceholdersInOrder() {
        log.info("user {} sent {} messages", "u1", 3);
        assertThat(only().message()).isEqualTo("user u1 sent 3 messages");
    }

    @Test
    void fillsPlaceholdersFromVarargs() {
        log.info("{}-{}-{}-{}", "a", 2, 'c', 4L);
        assertThat(only().message()).isEqualTo("a-2-c-4");
    }

    @Test
    void leavesEscapedAndSurplusPlaceholders() {
        log.info("literal \\{} then {} then {}", "x");
        assertThat(only().message()).isEqualTo("literal {} then x then {}");
    }

    @Test
    void writesNullsAndArraysAsSlf4jDoes() {
        log.info("value {} array {}", null, new int[] {1, 2});
        assertThat(only().message()).isEqualTo("value null array [1, 2]");
    }

    @Test
    void messageWithoutArgumentsIsNotParsed() {
        log.info("braces {} stay");
        assertThat(only().message()).isEqualTo("braces {} stay");
    }

    @Test
    void throwableOverloadBecomesTheCause() {
        IllegalStateException e = new IllegalStateException("boom");
        log.error("it failed", e);
        LogRecord r = only();
        assertThat(r.message()).isEqualTo("it failed");
        assertThat(r.cause()).isSameAs(e);
        assertThat(r.error().type()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void trailingThrowableAfterArgumentsIsTheCauseNotAnArgument() {
        IllegalStateException e = new IllegalStateException("boom");
        log.warn("frame {} to {} failed", "f1", "h1", e);
        LogRecord r = only();
        assertThat(r.message()).isEqualTo("frame f1 to h1 failed");
        assertThat(r.cause()).isSameAs(e);
    }

    @Test
    void trailingThrowableOfTwoArgumentsIsTheCause() {
        IllegalStateException e = new IllegalStateException("boom");
        log.warn("frame {} failed", "f1", e);
        LogRecord r = only();
        assertThat(r.message()).isEqualTo("frame f1 failed");
        assertThat(r.cause()).isSameAs(e);
    }

    @Test
    void singleThrowableArgumentIsTheCauseAndItsPlaceholderStays() {
        IllegalStateException e = new IllegalStateException("boom");
        log.error("failed: {}", (Object) e);
        LogRecord r = only();
        assertThat(r.cause()).isSameAs(e);
        assertThat(r.message()).isEqualTo("failed: {}");
    }

    @Test
    void recordCarriesLoggerNameAndCallingThread() {
        log.info("hello");
        LogRecord r = only();
        assertThat(r.logger()).isEqualTo(NAME);
        assertThat(r.threadName()).isEqualTo(Thread.currentThread().getName());
        assertThat(r.fields()).isEmpty();
    }
}
