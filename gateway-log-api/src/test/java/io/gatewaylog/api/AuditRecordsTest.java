package io.gatewaylog.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditRecordsTest {

    @Test
    void fieldsHaveTheDocumentedNamesInTheDocumentedOrder() {
        Map<String, Object> fields = AuditRecords.event(AuditRecords.TOKEN_REVOKE, AuditRecords.SUCCESS)
                .actor("admin_1")
                .target("token:7f3a")
                .sourceIp("10.0.0.5")
                .reason("user request")
                .field("request_id", "r-9")
                .field("ignored", null)
                .fields();

        assertThat(fields)
                .containsExactly(
                        Map.entry("action", "token_revoke"),
                        Map.entry("outcome", "success"),
                        Map.entry("actor", "admin_1"),
                        Map.entry("target", "token:7f3a"),
                        Map.entry("source_ip", "10.0.0.5"),
                        Map.entry("reason", "user request"),
                        Map.entry("request_id", "r-9"));
    }

    @Test
    void successIsInfoAndFailureOrDenialWarn() {
        Recording log = new Recording();

        AuditRecords.event(AuditRecords.LOGIN, AuditRecords.SUCCESS).actor("u1").logTo(log, "Login");
        AuditRecords.event(AuditRecords.LOGIN, AuditRecords.FAILURE).actor("u1").logTo(log, "Login failed");
        AuditRecords.event(AuditRecords.PERMISSION_DENIED, AuditRecords.DENIED)
                .actor("u1")
                .logTo(log, "Denied");

        assertThat(log.levels).containsExactly(Level.INFO, Level.WARN, Level.WARN);
        assertThat(log.fields.get(2))
                .containsEntry("action", "permission_denied")
                .containsEntry("outcome", "denied");
    }

    /** Just enough of a logger to see what was logged. */
    private static final class Recording implements GatewayLogger {
        final List<Level> levels = new ArrayList<>();
        final List<Map<String, Object>> fields = new ArrayList<>();

        @Override
        public LogComponent component() {
            return LogComponent.AUTH;
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        public Level level() {
            return Level.TRACE;
        }

        @Override
        public void setLevel(Level level) {}

        @Override
        public boolean isEnabled(Level level) {
            return true;
        }

        @Override
        public void log(Level level, String message, Map<String, ?> f, Throwable cause) {
            levels.add(level);
            fields.add(Map.copyOf(f));
        }

        @Override
        public RecordBuilder at(Level level) {
            throw new UnsupportedOperationException();
        }
    }
}
