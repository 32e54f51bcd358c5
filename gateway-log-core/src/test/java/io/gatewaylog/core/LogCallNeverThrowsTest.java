package io.gatewaylog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewaylog.api.Fields;
import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13, "A log call never throws": a value, an exception or a container whose methods throw each kind
 * of {@code Error} — raised for real where the JVM can (a recursion that overflows the stack, a class whose
 * initialiser fails, an array larger than the VM allows) — never reaches the caller; the record is written
 * with a marker where the value failed, and the records around it are untouched.
 */
class LogCallNeverThrowsTest {

    /** A toString() that recurses until the stack overflows: a real StackOverflowError. */
    static final class Recursive {
        int depth;

        @Override
        public String toString() {
            depth++;
            return "r" + this;
        }
    }

    /** Its static initialiser fails: the first use is a real ExceptionInInitializerError, the next a NoClassDefFoundError. */
    static final class BrokenInit {
        static final int VALUE = Integer.parseInt("not a number");
    }

    static final class UsesBrokenClass {
        @Override
        public String toString() {
            return "value " + BrokenInit.VALUE;
        }
    }

    /** Asks for an array the VM cannot make: a real OutOfMemoryError ("Requested array size exceeds VM limit"). */
    static final class Huge {
        @Override
        public String toString() {
            long[] a = new long[Integer.MAX_VALUE];
            return "never " + a.length;
        }
    }

    private static final String INIT_ERRORS = "java\\.lang\\.(ExceptionInInitializerError|NoClassDefFoundError)";

    static final class BrokenInitOnce {
        static final Object VALUE = List.of().get(0);
    }

    @org.junit.jupiter.api.Test
    void aRealExceptionInInitializerErrorIsAMarker() {
        Object value = new Object() {
            @Override
            public String toString() {
                return "value " + BrokenInitOnce.VALUE;
            }
        };
        try (GatedBackend b = new GatedBackend()) {
            assertThatCode(() -> b.logger("faults").info("init", Fields.of("bad", value)))
                    .doesNotThrowAnyException();
            assertThat(GatedBackend.line(b.lines(), "init").path("bad").asText())
                    .contains("threw java.lang.ExceptionInInitializerError");
        }
    }

    static Object throwing(Supplier<Throwable> error) {
        return new Object() {
            @Override
            public String toString() {
                Throwable t = error.get();
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            }
        };
    }

    static Stream<Arguments> failingValues() {
        return Stream.of(
                Arguments.of("AssertionError", throwing(() -> new AssertionError("boom")), "java.lang.AssertionError"),
                Arguments.of("StackOverflowError (real recursion)", new Recursive(), "java.lang.StackOverflowError"),
                Arguments.of("LinkageError", throwing(() -> new LinkageError("boom")), "java.lang.LinkageError"),
                // The first use of the class anywhere in the run is the ExceptionInInitializerError, every later one
                // a NoClassDefFoundError (a LinkageError); the test below pins the first on a class of its own.
                Arguments.of(
                        "ExceptionInInitializerError / NoClassDefFoundError (real)",
                        new UsesBrokenClass(),
                        INIT_ERRORS),
                Arguments.of("OutOfMemoryError (real)", new Huge(), "java.lang.OutOfMemoryError"),
                Arguments.of(
                        "OutOfMemoryError thrown",
                        throwing(() -> new OutOfMemoryError("thrown")),
                        "java.lang.OutOfMemoryError"),
                Arguments.of("InternalError", throwing(() -> new InternalError("boom")), "java.lang.InternalError"),
                Arguments.of(
                        "RuntimeException",
                        throwing(() -> new IllegalStateException("boom")),
                        "java.lang.IllegalStateException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingValues")
    void aValueWhoseToStringThrowsIsAMarkerAndTheRestIsWritten(String kind, Object value, String errorClass) {
        try (GatedBackend b = new GatedBackend()) {
            GatewayLogger log = b.logger("faults");
            log.info("before");
            assertThatCode(() -> log.info("with a failing value", Fields.of("bad", value, "ok", "kept")))
                    .doesNotThrowAnyException();
            assertThatCode(() -> log.info("as a list element", Fields.of("list", List.of("a", value))))
                    .doesNotThrowAnyException();
            assertThatCode(() -> log.atWarn().field("bad", value).log("fluent")).doesNotThrowAnyException();
            assertThatCode(() ->
                            log.info("as a metric tag", Fields.of("metric_name", "m", "metric_value", 1, "bad", value)))
                    .doesNotThrowAnyException();
            log.info("after");
            List<String> lines = b.lines();
            assertThat(lines).hasSize(6);
            JsonNode failed = GatedBackend.line(lines, "with a failing value");
            assertThat(failed.path("bad").asText()).containsPattern("threw " + errorClass);
            assertThat(failed.path("ok").asText()).isEqualTo("kept");
            assertThat(GatedBackend.line(lines, "as a list element")
                            .path("list")
                            .get(1)
                            .asText())
                    .containsPattern("threw " + errorClass);
            assertThat(GatedBackend.line(lines, "fluent").path("bad").asText()).containsPattern("threw " + errorClass);
            JsonNode metric = lines.stream()
                    .map(GatedBackend::parse)
                    .filter(n -> n.has("metric"))
                    .findFirst()
                    .orElseThrow();
            assertThat(metric.path("metric").path("tags").path("bad").asText()).containsPattern("threw " + errorClass);
            GatedBackend.line(lines, "before");
            GatedBackend.line(lines, "after");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingValues")
    void anExceptionWhoseMethodsThrowIsStillWritten(String kind, Object value, String errorClass) {
        RuntimeException hostile = new RuntimeException("plain") {
            @Override
            public String getMessage() {
                return value.toString();
            }

            @Override
            public String toString() {
                return value.toString();
            }
        };
        Exception outer = new Exception("outer", hostile);
        outer.addSuppressed(hostile);
        try (GatedBackend b = new GatedBackend()) {
            assertThatCode(() -> b.logger("faults").error("failed", null, outer))
                    .doesNotThrowAnyException();
            assertThatCode(() -> b.logger(LogComponent.AUTH, "faults").error("auth failed", null, hostile))
                    .doesNotThrowAnyException();
            List<String> lines = b.lines();
            assertThat(lines).hasSize(2);
            JsonNode error = GatedBackend.line(lines, "failed").path("error");
            assertThat(error.path("message").asText()).isEqualTo("outer");
            assertThat(error.path("stack").asText())
                    .containsPattern("threw " + errorClass)
                    .contains("Caused by: ", "Suppressed: ", "[CIRCULAR REFERENCE: ");
            assertThat(GatedBackend.line(lines, "auth failed")
                            .path("error")
                            .path("message")
                            .asText())
                    .containsPattern("threw " + errorClass);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingValues")
    void aCollectionThatFailsWhileReadIsAMarker(String kind, Object value, String errorClass) {
        List<Object> failing = new AbstractList<>() {
            @Override
            public Object get(int index) {
                value.toString();
                return "x";
            }

            @Override
            public int size() {
                return 2;
            }
        };
        try (GatedBackend b = new GatedBackend()) {
            assertThatCode(() -> b.logger("faults").info("list", Fields.of("items", failing, "ok", 1)))
                    .doesNotThrowAnyException();
            JsonNode line = GatedBackend.parse(b.lines().get(0));
            assertThat(line.path("items").asText()).containsPattern("threw " + errorClass);
            assertThat(line.path("ok").asInt()).isEqualTo(1);
        }
    }

    /** A map that fails before anything can be read from it: the whole record is replaced by one that says so. */
    @org.junit.jupiter.api.Test
    void aMapThatCannotEvenSayWhetherItIsEmptyCostsItsFieldsNotTheRecord() {
        java.util.Map<String, Object> hostile = new java.util.HashMap<>() {
            @Override
            public boolean isEmpty() {
                throw new StackOverflowError();
            }
        };
        try (GatedBackend b = new GatedBackend();
                io.gatewaylog.api.LogContext.Scope s = io.gatewaylog.api.LogContext.with("owner", "alice@example.com")
                        .open()) {
            assertThatCode(() -> b.logger("faults").info("never built", hostile))
                    .doesNotThrowAnyException();
            b.logger("faults").info("next");
            List<String> lines = b.lines();
            JsonNode kept = GatedBackend.line(lines, "never built");
            assertThat(kept.path("fields").asText())
                    .startsWith("[reading of ")
                    .endsWith("threw java.lang.StackOverflowError]");
            assertThat(kept.path("owner").asText()).isEqualTo("[email]");
            GatedBackend.line(lines, "next");
        }
    }
}
