package io.gatewaylog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.slf4j.internal.ComponentRouting;
import org.junit.jupiter.api.Test;

class ComponentRoutingTest {

    private static ComponentRouting parse(String value) {
        return ComponentRouting.parse(ComponentRouting.PROPERTY, value);
    }

    @Test
    void everythingGoesToSystemByDefault() {
        ComponentRouting r = parse(null);
        assertThat(r.componentOf("com.acme.Anything")).isEqualTo(LogComponent.SYSTEM);
        assertThat(r.componentOf("")).isEqualTo(LogComponent.SYSTEM);
        assertThat(r.componentOf(null)).isEqualTo(LogComponent.SYSTEM);
    }

    @Test
    void longestPrefixWins() {
        ComponentRouting r = parse("com.acme=infra, com.acme.proto=protocol ,com.acme.proto.auth=AUTH");
        assertThat(r.componentOf("com.acme.Pool")).isEqualTo(LogComponent.INFRA);
        assertThat(r.componentOf("com.acme.proto.Codec")).isEqualTo(LogComponent.PROTOCOL);
        assertThat(r.componentOf("com.acme.proto.auth.Tokens")).isEqualTo(LogComponent.AUTH);
        assertThat(r.componentOf("com.acme.proto")).isEqualTo(LogComponent.PROTOCOL);
        assertThat(r.componentOf("org.other.X")).isEqualTo(LogComponent.SYSTEM);
    }

    @Test
    void prefixesMatchWholeNameSegments() {
        ComponentRouting r = parse("com.acme.proto=protocol,io.lib.=infra");
        assertThat(r.componentOf("com.acme.protobuf.Parser")).isEqualTo(LogComponent.SYSTEM);
        assertThat(r.componentOf("com.acme.proto$Inner")).isEqualTo(LogComponent.PROTOCOL);
        assertThat(r.componentOf("io.lib.x.Y")).isEqualTo(LogComponent.INFRA);
    }

    @Test
    void starSetsTheDefault() {
        ComponentRouting r = parse("*=infra,com.acme=api");
        assertThat(r.componentOf("org.x.Y")).isEqualTo(LogComponent.INFRA);
        assertThat(r.componentOf("com.acme.Y")).isEqualTo(LogComponent.API);
        assertThat(r.components()).containsExactlyInAnyOrder(LogComponent.INFRA, LogComponent.API);
        assertThat(r.describe()).containsEntry("*", "infra").containsEntry("com.acme", "api");
    }

    @Test
    void laterEntryForTheSamePrefixWins() {
        assertThat(parse("a.b=api,a.b=infra").componentOf("a.b.C")).isEqualTo(LogComponent.INFRA);
    }

    @Test
    void invalidEntriesFailNamingSettingValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> parse("com.acme=nowhere"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("gateway.log.slf4j.components")
                .hasMessageContaining("com.acme=nowhere")
                .hasMessageContaining("protocol");
        assertThatThrownBy(() -> parse("protocol")).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> parse("=protocol")).isInstanceOf(InvalidSettingException.class);
    }
}
