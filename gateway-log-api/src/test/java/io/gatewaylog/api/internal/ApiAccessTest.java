package io.gatewaylog.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.ErrorInfo;
import io.gatewaylog.api.Fields;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backend's hooks do what the public factories they replaced did. */
class ApiAccessTest {

    @Test
    void recordKeepsWhatItIsGivenAndItsCapturedError() {
        RuntimeException cause = new RuntimeException("boom");
        ErrorInfo captured = ErrorInfo.of(cause);
        Fields fields = Fields.of("request_id", "123");
        Map<String, String> context = Map.of("asset_id", "gateway_1");
        LogRecord r = ApiAccess.record(
                1_704_110_400_000L,
                Level.WARN,
                LogComponent.API,
                "endpoint",
                "failed",
                fields,
                context,
                cause,
                captured,
                "main",
                1L);
        assertThat(r.epochMillis()).isEqualTo(1_704_110_400_000L);
        assertThat(r.level()).isEqualTo(Level.WARN);
        assertThat(r.component()).isEqualTo(LogComponent.API);
        assertThat(r.logger()).isEqualTo("endpoint");
        assertThat(r.fields()).isSameAs(fields);
        assertThat(r.context()).isSameAs(context);
        assertThat(r.cause()).isSameAs(cause);
        assertThat(r.error()).isSameAs(captured);
        assertThat(r.threadName()).isEqualTo("main");
        assertThat(r.threadId()).isEqualTo(1L);
    }

    @Test
    void aDerivedRecordKeepsEverythingButWhatIsChangedAndAnErrorCanBeReplaced() {
        RuntimeException cause = new RuntimeException("token abc");
        LogRecord r = LogRecord.builder(Level.ERROR, LogComponent.AUTH, "login")
                .message("m")
                .cause(cause)
                .build();
        ErrorInfo masked = ApiAccess.errorInfo(r.error().type(), "token [secret]", "x");
        LogRecord d = ApiAccess.error(ApiAccess.toBuilder(r).message("masked"), masked)
                .build();
        assertThat(d.message()).isEqualTo("masked");
        assertThat(d.cause()).isSameAs(cause);
        assertThat(d.error()).isSameAs(masked);
        assertThat(d.error().type()).isEqualTo(RuntimeException.class.getName());
        assertThat(d.epochMillis()).isEqualTo(r.epochMillis());
        assertThat(d.threadName()).isEqualTo(r.threadName());
        assertThat(d.component()).isEqualTo(LogComponent.AUTH);
    }

    @Test
    void trustedFieldsKeepTheArrayAndACopyWithAValueReplacedLeavesTheOriginal() {
        Object[] kv = {"a", 1, "b", 2};
        Fields f = ApiAccess.trustedFields(kv, 2);
        assertThat(f).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
        Fields g = ApiAccess.withValueAt(f, 1, "[redacted]");
        assertThat(g).containsEntry("b", "[redacted]");
        assertThat(f).containsEntry("b", 2);
    }
}
