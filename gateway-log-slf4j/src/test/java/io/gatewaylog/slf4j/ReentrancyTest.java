package io.gatewaylog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.thirdparty.wire.auth.TokenRefresher;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.slf4j.testing.FreshRecords;
import io.gatewaylog.slf4j.testing.TestBackendProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A library that logs while gateway-log is writing on the same thread (here: a field value whose
 * {@code toString()} logs, written by the auth component's synchronous pipeline) must not recurse
 * into the backend.
 */
@FreshRecords
class ReentrancyTest {

    @Test
    void loggingFromInsideTheBackendGoesToStderrInsteadOfRecursing() {
        Object chatty = new Object() {
            @Override
            public String toString() {
                LoggerFactory.getLogger("inner.Library").error("logged while being written");
                LoggerFactory.getLogger("inner.Library").debug("dropped while being written");
                return "chatty";
            }
        };
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            TokenRefresher.refresh("client-r", chatty);
        } finally {
            System.setErr(original);
        }

        assertThat(TestBackendProvider.records(TokenRefresher.class.getName()))
                .singleElement()
                .extracting(LogRecord::component)
                .isEqualTo(LogComponent.AUTH);
        assertThat(TestBackendProvider.records("inner.Library")).isEmpty();
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("gateway-log: ERROR")
                .contains("inner.Library: logged while being written")
                .doesNotContain("dropped while being written");
    }
}
