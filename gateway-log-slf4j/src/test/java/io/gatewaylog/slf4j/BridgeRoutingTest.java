package io.gatewaylog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.slf4j.internal.BridgeTargets;
import io.gatewaylog.slf4j.internal.ComponentRouting;
import org.junit.jupiter.api.Test;

/**
 * The public hook on the JVM-wide routing. Only the table the pom sets is given (so that the other tests'
 * routing stays); re-routing itself is {@code TargetTableTest}'s.
 */
class BridgeRoutingTest {

    @Test
    void anInvalidTableIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> BridgeRouting.set("com.acme=nowhere"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(ComponentRouting.PROPERTY);
    }

    @Test
    void theSameTableIsAcceptedAndADifferentOneRefusedOnceSet() {
        String table = System.getProperty(ComponentRouting.PROPERTY);
        assertThat(BridgeRouting.set(table)).isEmpty();
        assertThat(BridgeRouting.set(table)).isEmpty();
        assertThatThrownBy(() -> BridgeRouting.set("*=api"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("can be set once");
        assertThat(BridgeTargets.routing().describe())
                .isEqualTo(ComponentRouting.parse("x", table).describe());
    }
}
