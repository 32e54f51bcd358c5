package io.gatewaylog.slf4j.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The SLF4J tests' shared set-up: before each test, {@link TestBackendProvider#clear()} (flush, then
 * forget), so that a test sees only its own records of the JVM-wide test backend. Runs before the
 * class's own {@code @BeforeEach} methods.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(FreshRecords.Clear.class)
public @interface FreshRecords {
    /** The extension behind the annotation. */
    final class Clear implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            TestBackendProvider.clear();
        }
    }
}
