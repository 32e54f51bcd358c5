package io.gatewaylog.testkit.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An integration suite that needs a child JVM killed with SIGKILL.
 * Tagged {@value #TAG}: surefire leaves it out, failsafe runs it in {@code integration-test}
 * (see docs/ARCHITECTURE.md, "Tests and CI").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag(CrashSuite.TAG)
public @interface CrashSuite {
    /** The JUnit tag. */
    String TAG = "crash";
}
