package io.gatewaylog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.LogContext;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.slf4j.testing.TestBackendProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.MDCAdapter;

class MdcTest {
    private static final String NAME = "test.slf4j.mdc";
    private final Logger log = LoggerFactory.getLogger(NAME);

    @BeforeEach
    void clear() {
        GatewayLoggers.system("warm-up"); // the backend binds asset_id process-wide when it starts
        MDC.clear();
        TestBackendProvider.clear();
    }

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    private LogRecord last() {
        List<LogRecord> records = TestBackendProvider.records(NAME);
        assertThat(records).isNotEmpty();
        return records.get(records.size() - 1);
    }

    @Test
    void putValuesAreContextFieldsOfLaterRecords() {
        MDC.put("request_id", "r-1");
        MDC.put("customer_id", "c-9");
        log.info("processing");
        assertThat(last().context())
                .containsEntry("request_id", "r-1")
                .containsEntry("customer_id", "c-9")
                .containsEntry("asset_id", "gateway_test");
        assertThat(MDC.get("request_id")).isEqualTo("r-1");
    }

    @Test
    void removeAndClear() {
        MDC.put("a", "1");
        MDC.put("b", "2");
        MDC.remove("a");
        assertThat(MDC.get("a")).isNull();
        log.info("one");
        assertThat(last().context()).doesNotContainKey("a").containsEntry("b", "2");

        MDC.clear();
        log.info("two");
        // Clearing the MDC keeps the process-wide fields: they are configuration, not MDC data.
        assertThat(last().context()).doesNotContainKey("b").containsEntry("asset_id", "gateway_test");
    }

    @Test
    void copyAndSetContextMapCarryTheContextToAnotherThread() throws Exception {
        MDC.put("request_id", "r-2");
        Map<String, String> copy = MDC.getCopyOfContextMap();
        copy.put("ignored", "changing the copy changes nothing");
        assertThat(MDC.get("ignored")).isNull();
        copy.remove("ignored");

        CompletableFuture.runAsync(() -> {
                    MDC.setContextMap(Map.of("request_id", "r-2", "worker", "w1"));
                    log.info("on the worker");
                    MDC.clear();
                })
                .get();
        LogRecord r = last();
        assertThat(r.threadName()).isNotEqualTo(Thread.currentThread().getName());
        assertThat(r.context())
                .containsEntry("request_id", "r-2")
                .containsEntry("worker", "w1")
                .containsEntry("asset_id", "gateway_test");
    }

    @Test
    void setContextMapReplacesWhatWasThere() {
        MDC.put("old", "x");
        MDC.setContextMap(Map.of("new", "y"));
        assertThat(MDC.get("old")).isNull();
        assertThat(MDC.get("new")).isEqualTo("y");
    }

    @Test
    void threadsHaveTheirOwnMdc() throws Exception {
        MDC.put("request_id", "main");
        String seen = CompletableFuture.supplyAsync(() -> MDC.get("request_id")).get();
        assertThat(seen).isNull();
    }

    @Test
    void theMdcIsTheThreadsLogContext() {
        try (LogContext.Scope scope = LogContext.with("customer_id", "c-1").open()) {
            assertThat(MDC.get("customer_id")).isEqualTo("c-1");
            MDC.put("request_id", "r-3");
            // The gateway's own loggers see MDC values too.
            GatewayLoggers.system(NAME).info("own record");
            assertThat(last().context()).containsEntry("customer_id", "c-1").containsEntry("request_id", "r-3");
        }
        // Closing a scope restores what it found: a value put inside it goes with it.
        assertThat(MDC.get("customer_id")).isNull();
        assertThat(MDC.get("request_id")).isNull();
    }

    @Test
    void valuesPutBeforeAScopeSurviveIt() {
        MDC.put("request_id", "r-4");
        try (LogContext.Scope scope = LogContext.with("step", "decode").open()) {
            log.info("inside");
            assertThat(last().context()).containsEntry("request_id", "r-4").containsEntry("step", "decode");
        }
        assertThat(MDC.get("request_id")).isEqualTo("r-4");
        assertThat(MDC.get("step")).isNull();
    }

    @Test
    void mdcCloseableRemovesTheKey() {
        try (MDC.MDCCloseable c = MDC.putCloseable("request_id", "r-5")) {
            log.info("inside");
        }
        assertThat(MDC.get("request_id")).isNull();
        assertThat(last().context()).containsEntry("request_id", "r-5");
    }

    @Test
    void nullKeyIsRejectedAsSlf4jSpecifies() {
        assertThatThrownBy(() -> MDC.put(null, "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dequesAreStacksPerKeyAndNotWritten() {
        // SLF4J's MDC facade lacks static forms of these two: they are reached through the adapter.
        MDCAdapter adapter = MDC.getMDCAdapter();
        MDC.pushByKey("trail", "a");
        MDC.pushByKey("trail", "b");
        assertThat(adapter.getCopyOfDequeByKey("trail")).containsExactly("b", "a");
        log.info("with a deque");
        assertThat(last().context()).doesNotContainKey("trail");
        assertThat(MDC.popByKey("trail")).isEqualTo("b");
        adapter.clearDequeByKey("trail");
        assertThat(MDC.popByKey("trail")).isNull();
        assertThat(adapter.getCopyOfDequeByKey("absent")).isNull();
    }
}
