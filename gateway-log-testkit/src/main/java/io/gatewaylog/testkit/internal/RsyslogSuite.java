package io.gatewaylog.testkit.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An integration suite that needs a real rsyslogd (Debian packages rsyslog and rsyslog-openssl).
 * Tagged {@value #TAG}: surefire leaves it out, failsafe runs it in {@code integration-test}
 * (see docs/ARCHITECTURE.md, "Tests and CI").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag(RsyslogSuite.TAG)
public @interface RsyslogSuite {
    /** The JUnit tag. */
    String TAG = "rsyslog";
}
