package io.gatewaylog.slf4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.slf4j.testing.FreshRecords;
import io.gatewaylog.slf4j.testing.TestBackendProvider;
import io.gatewaylog.testkit.RecordingReporter;
import org.junit.jupiter.api.Test;

/**
 * The routing set in code ({@code BridgeTargets.setRouting}, {@code BridgeRouting.set}) on a table of its own,
 * so that the JVM-wide routing of the other tests stays as the pom sets it.
 */
@FreshRecords
class TargetTableTest {
    private final RecordingReporter reporter = new RecordingReporter();
    private final TargetTable table = new TargetTable(() -> routing(""), reporter);

    private static ComponentRouting routing(String value) {
        return ComponentRouting.parse(ComponentRouting.PROPERTY, value);
    }

    private static LogComponent componentOfOnlyRecord(String logger) {
        return TestBackendProvider.records(logger).stream()
                .map(LogRecord::component)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one record of " + logger);
                })
                .orElseThrow();
    }

    @Test
    void setBeforeTheFirstTargetAppliesToAll() {
        assertThat(table.setRouting(routing("table.early=infra"))).isEmpty();
        table.forName("table.early.Client").log(Level.WARN, "early", null, null);
        assertThat(componentOfOnlyRecord("table.early.Client")).isEqualTo(LogComponent.INFRA);
        assertThat(reporter.messages()).isEmpty();
    }

    @Test
    void targetsMadeAndResolvedBeforeAreReRoutedWithoutAReport() {
        BridgeTarget made = table.forName("table.resolved.Client");
        assertThat(made.isEnabled(Level.INFO)).isTrue(); // resolved: the system component's logger
        assertThat(made.component()).isEqualTo(LogComponent.SYSTEM);

        assertThat(table.setRouting(routing("table.resolved=protocol"))).isEmpty();

        assertThat(made.component()).isEqualTo(LogComponent.PROTOCOL);
        made.log(Level.INFO, "after", null, null);
        assertThat(componentOfOnlyRecord("table.resolved.Client")).isEqualTo(LogComponent.PROTOCOL);
        assertThat(reporter.messages()).isEmpty();
    }

    @Test
    void setTooLateIsReportedWithTheLoggersWhoseRecordsWentElsewhere() {
        BridgeTarget wrote = table.forName("table.late.Client");
        BridgeTarget stays = table.forName("table.other.Client");
        wrote.log(Level.INFO, "before", null, null);
        stays.log(Level.INFO, "before", null, null);

        assertThat(table.setRouting(routing("table.late=auth"))).containsExactly("table.late.Client");

        assertThat(reporter.warnings())
                .singleElement()
                .asString()
                .contains("routing was set after 1 bridged logger", "table.late.Client");
        wrote.log(Level.INFO, "after", null, null);
        assertThat(TestBackendProvider.records("table.late.Client"))
                .extracting(LogRecord::message, LogRecord::component)
                .as("two components' writers: no order between them")
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("before", LogComponent.SYSTEM),
                        org.assertj.core.groups.Tuple.tuple("after", LogComponent.AUTH));
    }

    @Test
    void itIsSetOnceASecondDifferentTableIsRefused() {
        table.setRouting(routing("table.once=api"));
        assertThat(table.setRouting(routing("table.once=api")))
                .as("the same again")
                .isEmpty();
        assertThatThrownBy(() -> table.setRouting(routing("table.once=infra")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("can be set once");
        assertThat(table.routing().componentOf("table.once.X")).isEqualTo(LogComponent.API);
    }

    @Test
    void theEnvironmentsRoutingIsUsedWhenNoneIsSet() {
        assertThat(table.forName("anything.X").component()).isEqualTo(LogComponent.SYSTEM);
        assertThat(table.routing().describe()).containsExactly(java.util.Map.entry("*", "system"));
    }
}
